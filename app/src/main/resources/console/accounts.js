// Accounts (admin only) and canned replies (kept by supervisors).
import { api, el, flash, state } from './app.js';
import { deskFields, deskLabel } from './desks.js';

export function accountsView() {
  const body = el('tbody');
  const username = el('input', { id: 'new-username', placeholder: 'username' });
  const role = el('select', { id: 'new-role' }, ['agent', 'supervisor', 'admin'].map((r) => el('option', { value: r }, r)));
  const desk = deskFields();
  const password = el('input', { id: 'new-password', type: 'password', placeholder: 'password (8+ characters)', autocomplete: 'new-password' });
  const node = el('div', {}, el('h1', {}, 'Accounts'),
    el('table', { class: 'grid', id: 'accounts-table' }, el('thead', {}, el('tr', {}, ['Username', 'Role', 'Password and account'].map((h) => el('th', {}, h)))), body),
    el('h2', {}, 'New account'),
    el('div', { class: 'row card' }, username, role, ...desk.nodes, password, el('button', { id: 'create-account', type: 'button', onclick: async () => {
      try {
        await api('POST', '/accounts', { username: username.value, role: role.value, password: password.value, ...desk.value() });
        username.value = ''; password.value = '';
        await load();
      } catch (e) { flash(e.message); }
    } }, 'Create')));

  function row(a) {
    const self = a.username === state.me.username;
    const path = '/accounts/' + encodeURIComponent(a.username);
    const roleSelect = el('select', { class: 'role', disabled: self, title: self ? 'you cannot change your own role' : null },
      ['agent', 'supervisor', 'admin'].map((r) => el('option', { value: r, selected: r === a.role }, r)));
    roleSelect.addEventListener('change', async () => {
      try { await api('POST', path, { role: roleSelect.value }); flash(a.username + ' is now ' + roleSelect.value, 'ok'); } catch (e) { flash(e.message); }
      await load();
    });
    const newPassword = el('input', { type: 'password', class: 'new-password', placeholder: 'new password', autocomplete: 'new-password' });
    return el('tr', { dataset: { username: a.username } }, el('td', {}, a.username, el('div', { class: 'muted desk' }, deskLabel(a))), el('td', {}, roleSelect),
      el('td', {}, el('div', { class: 'row' }, newPassword, el('button', { class: 'secondary', type: 'button', onclick: async () => {
        try {
          await api('POST', path, { password: newPassword.value });
          newPassword.value = '';
          flash('Password set; ' + a.username + "'s sessions were ended", 'ok');
        } catch (e) { flash(e.message); }
      } }, 'Set password'),
      self ? null : el('button', { class: 'secondary', type: 'button', onclick: async () => {
        try { await api('DELETE', path); await load(); } catch (e) { flash(e.message); }
      } }, 'Delete'))));
  }

  async function load() {
    const list = await api('GET', '/accounts');
    body.replaceChildren(...list.map(row));
  }
  return { node, load };
}

export function cannedView() {
  const body = el('tbody');
  const title = el('input', { id: 'canned-title', placeholder: 'title' });
  const text = el('textarea', { id: 'canned-body', rows: 2, placeholder: 'text' });
  const template = el('input', { id: 'canned-template', placeholder: 'WhatsApp template (optional, e.g. HX…)' });
  const mayEdit = state.me && state.me.role !== 'agent';
  const node = el('div', {}, el('h1', {}, 'Canned replies'),
    el('table', { class: 'grid', id: 'canned-table' }, el('thead', {}, el('tr', {}, ['Title', 'Text', 'WhatsApp template', ''].map((h) => el('th', {}, h)))), body),
    mayEdit ? el('div', { class: 'card' }, el('h2', {}, 'New canned reply'), title, text, template,
      el('button', { id: 'canned-create', type: 'button', onclick: async () => {
        try {
          await api('POST', '/canned', { title: title.value, body: text.value, template: template.value });
          title.value = ''; text.value = ''; template.value = '';
          await load();
        } catch (e) { flash(e.message); }
      } }, 'Add')) : el('p', { class: 'muted' }, 'Supervisors keep this list.'));

  async function load() {
    const list = await api('GET', '/canned');
    body.replaceChildren(...list.map((c) => el('tr', {}, el('td', {}, c.title), el('td', { class: 'last' }, c.body), el('td', {}, c.template || ''),
      el('td', {}, mayEdit ? el('button', { class: 'secondary', type: 'button', onclick: async () => {
        try { await api('DELETE', '/canned/' + encodeURIComponent(c.id)); await load(); } catch (e) { flash(e.message); }
      } }, 'Delete') : ''))));
  }
  return { node, load };
}
