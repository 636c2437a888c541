// Complaints: the list with filters, a detail page with the history, and a status change with a note.
// All complaint calls go through API below: when the complaint lifecycle's own endpoints are merged,
// this one constant (and the JSON shapes, if they differ) is the place to connect them.
import { api, el, flash, time } from './app.js';

const API = '/complaints';
const LABELS = { RECEIVED: 'Received', ASSIGNED: 'Assigned', IN_PROGRESS: 'In progress', RESOLVED: 'Resolved', REJECTED: 'Rejected' };

let filtersCache = null;
async function filters() {
  if (!filtersCache) filtersCache = await api('GET', '/complaint-filters');
  return filtersCache;
}

function select(id, label, options) {
  return el('label', {}, label, el('select', { id }, el('option', { value: '' }, 'any'),
    options.map(([v, t]) => el('option', { value: v }, t))));
}

export function complaintsView() {
  const form = el('form', { class: 'filters row', id: 'complaint-filters' });
  const body = el('tbody');
  const count = el('span', { class: 'muted', id: 'complaint-count' });
  const node = el('div', {}, el('h1', {}, 'Complaints ', count), form,
    el('table', { id: 'complaints-table', class: 'grid' },
      el('thead', {}, el('tr', {}, ['Ticket', 'Status', 'Category', 'Agency', 'Location', 'Filed', 'Due'].map((h) => el('th', {}, h)))),
      body));

  async function list() {
    const q = new URLSearchParams();
    for (const f of ['status', 'category', 'agency']) {
      const v = form.querySelector('#f-' + f).value;
      if (v) q.set(f, v);
    }
    if (form.querySelector('#f-overdue').checked) q.set('overdue', 'true');
    const rows = await api('GET', API + '?' + q.toString());
    count.textContent = '(' + rows.length + ')';
    body.replaceChildren(...rows.map((r) => el('tr', { class: r.overdue ? 'overdue' : '', dataset: { ticket: r.ticket } },
      el('td', {}, el('a', { href: '#/complaint/' + encodeURIComponent(r.ticket) }, r.ticket)),
      el('td', {}, el('span', { class: 'status s-' + r.status }, LABELS[r.status] || r.status)),
      el('td', {}, r.categoryName),
      el('td', {}, r.agencyName),
      el('td', { class: 'last' }, r.location),
      el('td', {}, time(r.filedAt)),
      el('td', {}, r.overdue ? el('strong', { class: 'error' }, 'overdue ' + time(r.dueAt)) : time(r.dueAt)))));
  }

  async function load() {
    const f = await filters();
    form.replaceChildren(
      select('f-status', 'Status ', f.statuses.map((s) => [s, LABELS[s] || s])),
      select('f-category', 'Category ', f.categories.map((c) => [c.key, c.label])),
      select('f-agency', 'Agency ', f.agencies.map((c) => [c.key, c.label])),
      el('label', {}, el('input', { type: 'checkbox', id: 'f-overdue' }), ' overdue only'));
    form.addEventListener('change', () => list().catch((e) => flash(e.message)));
    await list();
  }

  return { node, load, onChanged: (keys) => { if (keys.includes('*')) list().catch(() => {}); } };
}

export function complaintView(ticket) {
  const node = el('div', { class: 'complaint' });

  function render(d) {
    const c = d.complaint;
    const status = el('select', { id: 'status-select' },
      Object.keys(LABELS).map((s) => el('option', { value: s, selected: s === c.status }, LABELS[s])));
    const note = el('input', { id: 'status-note', placeholder: 'Note for the resident (sent with the status)', maxlength: 500 });
    node.replaceChildren(
      el('h1', {}, c.ticket, ' ', el('span', { class: 'status s-' + c.status, id: 'complaint-status' }, LABELS[c.status] || c.status)),
      el('div', { class: 'card' },
        el('dl', { class: 'facts' },
          el('dt', {}, 'Category'), el('dd', {}, c.categoryName),
          el('dt', {}, 'Agency'), el('dd', {}, c.agencyName),
          el('dt', {}, 'Location'), el('dd', {}, c.location),
          el('dt', {}, 'Description'), el('dd', { id: 'complaint-description' }, d.description),
          el('dt', {}, 'Resident'), el('dd', {}, el('a', { href: '#/conversation/' + encodeURIComponent(c.channel) + '/' + encodeURIComponent(c.address) }, c.channel + ' ' + c.address)),
          el('dt', {}, 'Filed'), el('dd', {}, time(c.filedAt)),
          el('dt', {}, 'Due'), el('dd', { class: c.overdue ? 'error' : '' }, time(c.dueAt) + (c.overdue ? ' (overdue)' : '')))),
      el('div', { class: 'card row' }, status, note, el('button', { id: 'status-save', type: 'button', onclick: async () => {
        try {
          render(await api('POST', API + '/' + encodeURIComponent(ticket) + '/status', { status: status.value, note: note.value }));
          flash('Status changed; the resident will be notified', 'ok');
        } catch (e) { flash(e.message); }
      } }, 'Change status')),
      el('h2', {}, 'History'),
      el('ol', { id: 'history', class: 'history' }, d.history.map((h) => el('li', {},
        el('span', { class: 'status s-' + h.status }, LABELS[h.status] || h.status), ' ', time(h.at), ' · ', h.by,
        h.note ? el('div', { class: 'note' }, h.note) : null))));
  }

  async function load() {
    render(await api('GET', API + '/' + encodeURIComponent(ticket)));
  }

  return { node, load };
}
