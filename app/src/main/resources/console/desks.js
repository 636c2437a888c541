// Desks (issue 20): moving a complaint to another agency (a supervisor's action, with a reason)
// and an account's desk (region, agency). Its texts are in Indonesian and English here, picked by
// the page's lang; the console's language bundles can take DESK_TEXT over key for key.
import { api, el, flash, state, time } from './app.js';

export const DESK_TEXT = {
  en: {
    moveTitle: 'Move to another agency', moveTo: 'Move to', chooseAgency: 'Choose the agency…',
    reason: 'Reason (required; staff only, the resident is not told)', move: 'Move', moved: 'Moved to ',
    reasonNeeded: 'Moving a complaint to another agency needs a reason.', moves: 'Agency moves',
    region: 'Region', defaultRegion: 'this region', allRegions: 'all regions (provincial)',
    agency: 'Agency', noAgency: 'no agency (sees every agency)', desk: 'Desk',
  },
  id: {
    moveTitle: 'Alihkan ke instansi lain', moveTo: 'Alihkan ke', chooseAgency: 'Pilih instansi…',
    reason: 'Alasan (wajib; hanya untuk petugas, warga tidak diberi tahu)', move: 'Alihkan', moved: 'Dialihkan ke ',
    reasonNeeded: 'Pengalihan ke instansi lain wajib disertai alasan.', moves: 'Riwayat pengalihan',
    region: 'Wilayah', defaultRegion: 'wilayah ini', allRegions: 'semua wilayah (provinsi)',
    agency: 'Instansi', noAgency: 'tanpa instansi (melihat semua instansi)', desk: 'Meja',
  },
};

export function t(key) {
  const lang = (document.documentElement.lang || 'en').slice(0, 2);
  return (DESK_TEXT[lang] || DESK_TEXT.en)[key];
}

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
  const target = el('select', { id: 'move-agency', 'aria-label': t('moveTo') }, el('option', { value: '' }, t('chooseAgency')));
  const reason = el('input', { id: 'move-reason', maxlength: 500, placeholder: t('reason') });
  const save = el('button', { id: 'move-save', type: 'button', class: 'secondary' }, t('move'));
  agencies().then((list) => target.append(...list.filter((a) => a.key !== c.agency)
    .map((a) => el('option', { value: a.key }, a.label)))).catch((e) => flash(e.message));
  save.addEventListener('click', async () => {
    if (!target.value) return;
    if (reason.value.trim() === '') { flash(t('reasonNeeded')); reason.focus(); return; }
    try {
      const res = await api('POST', '/complaints/' + encodeURIComponent(ticket) + '/agency',
        { agency: target.value, reason: reason.value });
      flash(t('moved') + res.complaint.complaint.agencyName, 'ok');
      onMoved(res.complaint);
    } catch (e) { flash(e.message); }
  });
  return el('div', { class: 'card agency-move' }, el('div', { class: 'row' },
    el('span', { class: 'muted' }, t('moveTitle')), target, reason, save));
}

/** The complaint's agency moves, filled in when they arrive; empty when it never moved. */
export function moveHistory(ticket) {
  const list = el('ol', { id: 'agency-moves', class: 'history' });
  const node = el('div', { hidden: true }, el('h2', {}, t('moves')), list);
  Promise.all([api('GET', '/complaints/' + encodeURIComponent(ticket) + '/reassignments'), agencies()]).then(([moves, all]) => {
    const name = (code) => (all.find((a) => a.key === code) || { label: code }).label;
    list.replaceChildren(...moves.map((m) => el('li', {}, time(m.at), ' · ', m.by, ' · ', name(m.fromAgency), ' → ',
      name(m.toAgency), el('div', { class: 'note' }, m.reason))));
    node.hidden = moves.length === 0;
  }).catch(() => {});
  return node;
}

/** The region and agency fields of a new account, and the body fields they give. */
export function deskFields() {
  const region = el('select', { id: 'new-region', 'aria-label': t('region') },
    el('option', { value: '' }, t('defaultRegion')), el('option', { value: 'all' }, t('allRegions')));
  const agency = el('select', { id: 'new-agency', 'aria-label': t('agency') }, el('option', { value: '' }, t('noAgency')));
  agencies().then((list) => agency.append(...list.map((a) => el('option', { value: a.key }, a.label)))).catch(() => {});
  return {
    nodes: [region, agency],
    value: () => Object.assign({}, region.value ? { region: region.value } : {}, agency.value ? { agency: agency.value } : {}),
  };
}

/** How an account's desk reads in the accounts list. */
export function deskLabel(a) {
  return t('desk') + ': ' + (a.region === 'all' ? t('allRegions') : a.region) + (a.agency ? ' · ' + a.agency : '');
}
