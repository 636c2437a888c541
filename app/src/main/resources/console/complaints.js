// Complaints: the list with filters, a detail page with the history, and a status change with a note.
// All complaint calls go through API below: when the complaint lifecycle's own endpoints are merged,
// this one constant (and the JSON shapes, if they differ) is the place to connect them.
import { api, el, flash, time } from './app.js';
import { agencyMove, moveHistory } from './desks.js';
import { complaintPage } from './complaint-page.js';

const API = '/complaints';
const LABELS = { RECEIVED: 'Received', ASSIGNED: 'Assigned', IN_PROGRESS: 'In progress', RESOLVED: 'Resolved', REJECTED: 'Rejected' };
// How a change to a status reads in a sentence ("Rejecting needs a reason").
const CHANGES = { RECEIVED: 'receiving', ASSIGNED: 'assigning', IN_PROGRESS: 'starting work', RESOLVED: 'resolving', REJECTED: 'rejecting' };

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

// The status change offers only what the lifecycle allows now (the server sends allowedTransitions,
// computed by ComplaintLifecycle with the server's clock). Another agent may change the complaint in
// between: the server then answers 409, and the page reloads the complaint so the menu is current again.
function statusChange(ticket, d, onSaved, reload) {
  const c = d.complaint;
  const allowed = d.allowedTransitions || [];
  const needsNote = new Set(d.noteRequiredFor || []);
  if (allowed.length === 0) {
    const why = c.status === 'REJECTED'
      ? 'A rejected complaint is final: no status change is possible.'
      : c.status === 'RESOLVED' && d.reopenUntil
        ? 'Resolved on ' + time(c.updatedAt) + '; it could be reopened until ' + time(d.reopenUntil)
          + '. No status change is possible now.'
        : 'No status change is possible for this complaint.';
    return el('div', { class: 'card status-change' }, el('p', { id: 'status-none', class: 'muted final' }, why));
  }
  const status = el('select', { id: 'status-select', 'aria-label': 'Next status' },
    el('option', { value: '' }, 'Choose the next status…'),
    allowed.map((s) => el('option', { value: s }, LABELS[s] || s)));
  const note = el('input', { id: 'status-note', maxlength: 500 });
  const hint = el('div', { id: 'status-hint', class: 'hint' });
  const save = el('button', { id: 'status-save', type: 'button' }, 'Change status');

  function noteMissing() { return needsNote.has(status.value) && note.value.trim() === ''; }
  function update() {
    const required = needsNote.has(status.value);
    const change = CHANGES[status.value] || 'this change';
    note.placeholder = required ? 'Reason for ' + change + ' (required, sent to the resident)'
      : 'Note for the resident (optional, sent with the status)';
    note.required = required;
    note.classList.toggle('required', required);
    save.disabled = status.value === '' || noteMissing();
    if (noteMissing()) {
      hint.textContent = change.charAt(0).toUpperCase() + change.slice(1)
        + ' needs a reason in the note: the resident is told why.';
      hint.className = 'hint error';
    } else {
      hint.textContent = c.status === 'RESOLVED' && d.reopenUntil
        ? 'Resolved on ' + time(c.updatedAt) + '; it can be reopened until ' + time(d.reopenUntil) + '.' : '';
      hint.className = 'hint muted';
    }
  }
  status.addEventListener('change', update);
  note.addEventListener('input', update);
  save.addEventListener('click', async () => {
    if (status.value === '') return;
    if (noteMissing()) { update(); note.focus(); return; }
    try {
      onSaved(await api('POST', API + '/' + encodeURIComponent(ticket) + '/status', { status: status.value, note: note.value }));
      flash('Status changed; the resident will be notified', 'ok');
    } catch (e) {
      flash(e.message);
      if (e.status === 409) reload().catch(() => {});
    }
  });
  update();
  return el('div', { class: 'card status-change' },
    el('div', { class: 'row' }, el('span', { class: 'muted' }, 'Change to'), status, note, save), hint);
}

export function complaintView(ticket) {
  const node = el('div', { class: 'complaint' });
  // Photos, place and the whole history (status changes, notes, messages): complaint-page.js.
  const page = complaintPage(ticket);

  function render(d) {
    const c = d.complaint;
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
      statusChange(ticket, d, (changed) => { render(changed); page.load().catch((e) => flash(e.message)); }, load),
      agencyMove(ticket, d, render),
      page.node,
      moveHistory(ticket));
  }

  async function load() {
    render(await api('GET', API + '/' + encodeURIComponent(ticket)));
    await page.load();
  }

  return { node, load };
}
