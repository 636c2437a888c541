// Desks (issue 20): moving a complaint to another agency (a supervisor's action, with a reason)
// and an account's desk (region, agency). Texts: desk.* in the console's bundles.
import { api, el, flash, state, time } from './app.js';
import { t, byLabel } from './i18n.js';

let agenciesCache = null;
async function agencies() {
  if (!agenciesCache) agenciesCache = (await api('GET', '/complaint-filters')).agencies;
  return agenciesCache;
}

const OPEN = new Set(['RECEIVED', 'ASSIGNED', 'IN_PROGRESS']);

/** The move form under a complaint, for supervisors and admins while it is open; else nothing. */
export function agencyMove(ticket, d, onMoved) {
  const c = d.complaint;
  if (!state.me || state.me.role === 'agent' || !OPEN.has(c.status)) return null;
  const target = el('select', { id: 'move-agency', 'aria-label': t('desk.moveTo') }, el('option', { value: '' }, t('desk.chooseAgency')));
  const reason = el('input', { id: 'move-reason', maxlength: 500, placeholder: t('desk.reason') });
  const save = el('button', { id: 'move-save', type: 'button', class: 'secondary' }, t('desk.move'));
  agencies().then((list) => target.append(...list.filter((a) => a.key !== c.agency)
    .map((a) => el('option', { value: a.key }, a.label)))).catch((e) => flash(e.message));
  save.addEventListener('click', async () => {
    if (!target.value) return;
    if (reason.value.trim() === '') { flash(t('desk.reasonNeeded')); reason.focus(); return; }
    try {
      const res = await api('POST', '/complaints/' + encodeURIComponent(ticket) + '/agency',
        { agency: target.value, reason: reason.value });
      flash(t('desk.moved', { agency: res.complaint.complaint.agencyName }), 'ok');
      onMoved(res.complaint);
    } catch (e) { flash(e.message); }
  });
  return el('div', { class: 'card agency-move' }, el('div', { class: 'row' },
    el('span', { class: 'muted' }, t('desk.moveTitle')), target, reason, save));
}

/** The complaint's agency moves, filled in when they arrive; empty when it never moved. */
export function moveHistory(ticket) {
  const list = el('ol', { id: 'agency-moves', class: 'history' });
  const node = el('div', { hidden: true }, el('h2', {}, t('desk.moves')), list);
  Promise.all([api('GET', '/complaints/' + encodeURIComponent(ticket) + '/reassignments'), agencies()]).then(([moves, all]) => {
    const name = (code) => (all.find((a) => a.key === code) || { label: code }).label;
    list.replaceChildren(...moves.map((m) => el('li', {}, time(m.at), ' · ', byLabel(m.by), ' · ', name(m.fromAgency), ' → ',
      name(m.toAgency), el('div', { class: 'note' }, m.reason))));
    node.hidden = moves.length === 0;
  }).catch(() => {});
  return node;
}

/** The region and agency fields of a new account, and the body fields they give. */
export function deskFields() {
  const region = el('select', { id: 'new-region', 'aria-label': t('desk.region') },
    el('option', { value: '' }, t('desk.defaultRegion')), el('option', { value: 'all' }, t('desk.allRegions')));
  const agency = el('select', { id: 'new-agency', 'aria-label': t('desk.agency') }, el('option', { value: '' }, t('desk.noAgency')));
  agencies().then((list) => agency.append(...list.map((a) => el('option', { value: a.key }, a.label)))).catch(() => {});
  return {
    nodes: [region, agency],
    value: () => Object.assign({}, region.value ? { region: region.value } : {}, agency.value ? { agency: agency.value } : {}),
  };
}

/** How an account's desk reads in the accounts list. */
export function deskLabel(a) {
  return t('desk.label', { desk: (a.region === 'all' ? t('desk.allRegions') : a.region) + (a.agency ? ' · ' + a.agency : '') });
}
