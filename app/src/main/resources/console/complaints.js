// Complaints: the list with filters, a detail page with the history, and a status change with a note.
// All complaint calls go through API below: when the complaint lifecycle's own endpoints are merged,
// this one constant (and the JSON shapes, if they differ) is the place to connect them.
import { api, el, flash, time } from './app.js';
import { agencyMove, moveHistory } from './desks.js';
import { complaintPage } from './complaint-page.js';
import { t, number } from './i18n.js';

const API = '/complaints';
/** A status in words (status.RECEIVED, ...); how a change to it reads in a sentence: complaint.change.<STATUS>. */
const label = (s) => t('status.' + s);

let filtersCache = null;
async function filters() {
  if (!filtersCache) filtersCache = await api('GET', '/complaint-filters');
  return filtersCache;
}

function select(id, label, options) {
  return el('label', {}, label, el('select', { id }, el('option', { value: '' }, t('complaints.any')),
    options.map(([v, t]) => el('option', { value: v }, t))));
}

export function complaintsView() {
  const form = el('form', { class: 'filters row', id: 'complaint-filters' });
  const body = el('tbody');
  const count = el('span', { class: 'muted', id: 'complaint-count' });
  // The export takes exactly the filters on screen: the same query, answered as CSV.
  const exportLink = el('a', { id: 'complaints-export', class: 'button secondary', href: '#', download: 'pengaduan.csv' }, t('complaints.export'));
  const node = el('div', {}, el('div', { class: 'row' }, el('h1', {}, t('complaints.title') + ' ', count), exportLink), form,
    el('table', { id: 'complaints-table', class: 'grid' },
      el('thead', {}, el('tr', {}, [t('col.ticket'), t('col.status'), t('col.category'), t('col.agency'), t('col.location'),
        t('col.filed'), t('col.due')].map((h) => el('th', {}, h)))),
      body));

  async function list() {
    const q = new URLSearchParams();
    for (const f of ['status', 'category', 'agency']) {
      const v = form.querySelector('#f-' + f).value;
      if (v) q.set(f, v);
    }
    if (form.querySelector('#f-overdue').checked) q.set('overdue', 'true');
    const words = form.querySelector('#f-q').value.trim();
    if (words) q.set('q', words);
    exportLink.href = '/api/console/complaints.csv?' + q.toString();
    const rows = await api('GET', API + '?' + q.toString());
    count.textContent = '(' + number(rows.length) + ')';
    body.replaceChildren(...rows.map((r) => el('tr', { class: r.overdue ? 'overdue' : '', dataset: { ticket: r.ticket } },
      el('td', {}, el('a', { href: '#/complaint/' + encodeURIComponent(r.ticket) }, r.ticket)),
      el('td', {}, el('span', { class: 'status s-' + r.status }, label(r.status))),
      el('td', {}, r.categoryName),
      el('td', {}, r.agencyName),
      el('td', { class: 'last' }, r.location),
      el('td', {}, time(r.filedAt)),
      el('td', {}, r.overdue ? el('strong', { class: 'error' }, t('complaints.overdueAt', { due: time(r.dueAt) })) : time(r.dueAt)))));
  }

  async function load() {
    const f = await filters();
    const words = el('input', { id: 'f-q', type: 'search', placeholder: t('complaints.search'), title: t('search.hint') });
    form.replaceChildren(
      words,
      select('f-status', t('col.status') + ' ', f.statuses.map((s) => [s, label(s)])),
      select('f-category', t('col.category') + ' ', f.categories.map((c) => [c.key, c.label])),
      select('f-agency', t('col.agency') + ' ', f.agencies.map((c) => [c.key, c.label])),
      el('label', {}, el('input', { type: 'checkbox', id: 'f-overdue' }), ' ' + t('complaints.overdueOnly')));
    if (location.hash.endsWith('?overdue')) form.querySelector('#f-overdue').checked = true;
    form.addEventListener('change', () => list().catch((e) => flash(e.message)));
    form.addEventListener('submit', (ev) => { ev.preventDefault(); list().catch((e) => flash(e.message)); });
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
      ? t('complaint.final.rejected')
      : c.status === 'RESOLVED' && d.reopenUntil
        ? t('complaint.final.resolved', { at: time(c.updatedAt), until: time(d.reopenUntil) })
        : t('complaint.final.none');
    return el('div', { class: 'card status-change' }, el('p', { id: 'status-none', class: 'muted final' }, why));
  }
  const status = el('select', { id: 'status-select', 'aria-label': t('complaint.next') },
    el('option', { value: '' }, t('complaint.choose')),
    allowed.map((s) => el('option', { value: s }, label(s))));
  const note = el('input', { id: 'status-note', maxlength: 500 });
  const hint = el('div', { id: 'status-hint', class: 'hint' });
  const save = el('button', { id: 'status-save', type: 'button' }, t('complaint.save'));

  function noteMissing() { return needsNote.has(status.value) && note.value.trim() === ''; }
  function update() {
    const required = needsNote.has(status.value);
    const change = status.value ? t('complaint.change.' + status.value) : '';
    note.placeholder = required ? t('complaint.note.required', { change })
      : t('complaint.note.optional');
    note.required = required;
    note.classList.toggle('required', required);
    save.disabled = status.value === '' || noteMissing();
    if (noteMissing()) {
      hint.textContent = t('complaint.note.needsReason', { change });
      hint.className = 'hint error';
    } else {
      hint.textContent = c.status === 'RESOLVED' && d.reopenUntil
        ? t('complaint.reopenUntil', { at: time(c.updatedAt), until: time(d.reopenUntil) }) : '';
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
      flash(t('complaint.saved'), 'ok');
    } catch (e) {
      flash(e.message);
      if (e.status === 409) reload().catch(() => {});
    }
  });
  update();
  return el('div', { class: 'card status-change' },
    el('div', { class: 'row' }, el('span', { class: 'muted' }, t('complaint.changeTo')), status, note, save), hint);
}

export function complaintView(ticket) {
  const node = el('div', { class: 'complaint' });
  // Photos, place and the whole history (status changes, notes, messages): complaint-page.js.
  const page = complaintPage(ticket);

  function render(d) {
    const c = d.complaint;
    node.replaceChildren(
      el('h1', {}, c.ticket, ' ', el('span', { class: 'status s-' + c.status, id: 'complaint-status' }, label(c.status))),
      el('div', { class: 'card' },
        el('dl', { class: 'facts' },
          el('dt', {}, t('col.category')), el('dd', {}, c.categoryName),
          el('dt', {}, t('col.agency')), el('dd', {}, c.agencyName),
          el('dt', {}, t('col.location')), el('dd', {}, c.location),
          el('dt', {}, t('col.description')), el('dd', { id: 'complaint-description' }, d.description),
          el('dt', {}, t('col.resident')), el('dd', {}, el('a', { href: '#/conversation/' + encodeURIComponent(c.channel) + '/' + encodeURIComponent(c.address) }, c.channel + ' ' + c.address)),
          el('dt', {}, t('col.filed')), el('dd', {}, time(c.filedAt)),
          el('dt', {}, t('col.due')), el('dd', { class: c.overdue ? 'error' : '' }, time(c.dueAt) + (c.overdue ? ' ' + t('complaint.overdue') : '')))),
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
