// Accounts (admin only) and canned replies (kept by supervisors).
import { api, el, flash, state } from './app.js';
import { t } from './i18n.js';
import { deskFields, deskLabel } from './desks.js';

const ROLES = ['agent', 'supervisor', 'admin'];

export function accountsView() {
  const body = el('tbody');
  const username = el('input', { id: 'new-username', placeholder: t('accounts.username') });
  const role = el('select', { id: 'new-role' }, ROLES.map((r) => el('option', { value: r }, t('role.' + r))));
  const desk = deskFields();
  const password = el('input', { id: 'new-password', type: 'password', placeholder: t('accounts.passwordHint'), autocomplete: 'new-password' });
  const node = el('div', {}, el('h1', {}, t('accounts.title')),
    el('table', { class: 'grid', id: 'accounts-table' }, el('thead', {}, el('tr', {}, [t('accounts.col.username'), t('accounts.col.role'), t('accounts.col.password')].map((h) => el('th', {}, h)))), body),
    el('h2', {}, t('accounts.new')),
    el('div', { class: 'row card' }, username, role, ...desk.nodes, password, el('button', { id: 'create-account', type: 'button', onclick: async () => {
      try {
        await api('POST', '/accounts', { username: username.value, role: role.value, password: password.value, ...desk.value() });
        username.value = ''; password.value = '';
        await load();
      } catch (e) { flash(e.message); }
    } }, t('accounts.create'))));

  function row(a) {
    const self = a.username === state.me.username;
    const path = '/accounts/' + encodeURIComponent(a.username);
    const roleSelect = el('select', { class: 'role', disabled: self, title: self ? t('accounts.ownRole') : null },
      ROLES.map((r) => el('option', { value: r, selected: r === a.role }, t('role.' + r))));
    roleSelect.addEventListener('change', async () => {
      try {
        await api('POST', path, { role: roleSelect.value });
        flash(t('accounts.roleSet', { user: a.username, role: t('role.' + roleSelect.value) }), 'ok');
      } catch (e) { flash(e.message); }
      await load();
    });
    const newPassword = el('input', { type: 'password', class: 'new-password', placeholder: t('accounts.newPassword'), autocomplete: 'new-password' });
    return el('tr', { dataset: { username: a.username } }, el('td', {}, a.username, el('div', { class: 'muted desk' }, deskLabel(a))), el('td', {}, roleSelect),
      el('td', {}, el('div', { class: 'row' }, newPassword, el('button', { class: 'secondary', type: 'button', onclick: async () => {
        try {
          await api('POST', path, { password: newPassword.value });
          newPassword.value = '';
          flash(t('accounts.passwordSet', { user: a.username }), 'ok');
        } catch (e) { flash(e.message); }
      } }, t('accounts.setPassword')),
      self ? null : el('button', { class: 'secondary', type: 'button', onclick: async () => {
        try { await api('DELETE', path); await load(); } catch (e) { flash(e.message); }
      } }, t('common.delete')))));
  }

  async function load() {
    const list = await api('GET', '/accounts');
    body.replaceChildren(...list.map(row));
  }
  return { node, load };
}

export function cannedView() {
  const body = el('tbody');
  const title = el('input', { id: 'canned-title', placeholder: t('canned.titleField') });
  const shortcut = el('input', { id: 'canned-shortcut', placeholder: t('canned.shortcutField'), size: 10 });
  const text = el('textarea', { id: 'canned-body', rows: 2, placeholder: t('canned.bodyId') });
  const textEn = el('textarea', { id: 'canned-body-en', rows: 2, placeholder: t('canned.bodyEn') });
  const template = el('input', { id: 'canned-template', placeholder: t('canned.templateField') });
  const mayEdit = state.me && state.me.role !== 'agent';
  const node = el('div', {}, el('h1', {}, t('canned.title')),
    el('p', { class: 'muted', id: 'canned-variables' }, t('canned.variables')),
    el('table', { class: 'grid', id: 'canned-table' }, el('thead', {}, el('tr', {}, [t('canned.col.shortcut'), t('canned.col.title'),
      t('canned.col.bodyId'), t('canned.col.bodyEn'), t('canned.col.template'), ''].map((h) => el('th', {}, h)))), body),
    mayEdit ? el('div', { class: 'card' }, el('h2', {}, t('canned.new')), el('div', { class: 'row' }, shortcut, title), text, textEn, template,
      el('button', { id: 'canned-create', type: 'button', onclick: async () => {
        try {
          await api('POST', '/canned', { title: title.value, shortcut: shortcut.value, body: text.value, bodyEn: textEn.value,
            template: template.value });
          title.value = ''; shortcut.value = ''; text.value = ''; textEn.value = ''; template.value = '';
          await load();
        } catch (e) { flash(e.message); }
      } }, t('canned.add'))) : el('p', { class: 'muted' }, t('canned.supervisorsKeep')));

  async function load() {
    const list = await api('GET', '/canned');
    body.replaceChildren(...list.map((c) => el('tr', { dataset: { id: c.id } }, el('td', {}, c.shortcut ? el('kbd', {}, '/' + c.shortcut) : ''),
      el('td', {}, c.title), el('td', { class: 'last' }, c.body), el('td', { class: 'last' }, c.bodyEn || ''), el('td', {}, c.template || ''),
      el('td', {}, mayEdit ? el('button', { class: 'secondary', type: 'button', onclick: async () => {
        try { await api('DELETE', '/canned/' + encodeURIComponent(c.id)); await load(); } catch (e) { flash(e.message); }
      } }, t('common.delete')) : ''))));
  }
  return { node, load };
}
