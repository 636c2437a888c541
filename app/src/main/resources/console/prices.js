// Prices (admins only): import a price CSV into the price board, and see how fresh the board is.
// The file goes as the request body (text/csv), imported whole or not at all, exactly as
// POST /api/admin/prices does for scripts; a bad file names its row and nothing is stored.
import { el, flash, state } from './app.js';
import { t, tn, number, rupiah, date, dateTime } from './i18n.js';

/** A file format in words: prices.format.simple, prices.format.bapanas. */
const format = (f) => (f === 'simple' || f === 'bapanas' ? t('prices.format.' + f) : f);
/** An ISO day ("2026-12-04") as the account's language writes it. */
const day = (iso) => date(Date.parse(iso + 'T12:00:00Z'));

/**
 * GET or POST to the prices API for a region ('' = the account's own, or the default region for an
 * account of every region); answers {status, data} so that a 400 (a bad row) can be shown in full.
 */
async function call(method, region, body) {
  const headers = { 'Accept': 'application/json' };
  if (method !== 'GET') {
    headers['Content-Type'] = 'text/csv';
    headers['X-CSRF-Token'] = state.me.csrfToken;
  }
  const query = region ? '?region=' + encodeURIComponent(region) : '';
  const res = await fetch('/api/console/prices' + query, { method, headers, credentials: 'same-origin', body });
  let data = null;
  try { data = await res.json(); } catch (e) { data = null; }
  return { status: res.status, data };
}

function mib(bytes) {
  return number(bytes / (1024 * 1024), bytes < 1024 * 1024 ? 2 : 1) + ' MiB';
}

function ageText(days) {
  if (days <= 0) return t('prices.age.today');
  return tn('prices.age', days);
}

export function pricesView() {
  const file = el('input', { id: 'prices-file', type: 'file', accept: '.csv,text/csv' });
  const button = el('button', { id: 'prices-import', type: 'button' }, t('prices.import'));
  // Each region has its own price board: an account of every region chooses which one it works on.
  const region = el('select', { id: 'prices-region' });
  const regionRow = el('label', { class: 'row', hidden: true }, t('prices.region') + ' ', region);
  const result = el('div', { id: 'prices-result', class: 'card prices-result', role: 'status', hidden: true });
  const newest = el('p', { id: 'prices-newest' });
  const body = el('tbody');
  const packs = el('tbody');
  let limit = 0;
  const node = el('div', { class: 'prices' }, el('h1', {}, t('prices.title')),
    el('div', { class: 'card' },
      el('h2', {}, t('prices.importTitle')),
      el('p', { class: 'muted' }, t('prices.importHelp')),
      regionRow,
      el('div', { class: 'row' }, file, button)),
    result,
    el('h2', {}, t('prices.freshness')),
    newest,
    el('table', { class: 'grid', id: 'prices-freshness' },
      el('thead', {}, el('tr', {}, [t('prices.col.commodity'), t('prices.col.price'), t('prices.col.newest'), t('prices.col.age')]
        .map((h) => el('th', {}, h)))), body),
    // Content packs (issue 18) are imported with the import-pack command; here only their freshness.
    el('h2', {}, t('prices.packs.title')),
    el('table', { class: 'grid', id: 'packs-freshness' },
      el('thead', {}, el('tr', {}, [t('prices.packs.col.pack'), t('prices.packs.col.items'), t('prices.packs.col.imported'), t('prices.packs.col.source')]
        .map((h) => el('th', {}, h)))), packs));

  function show(kind, ...children) {
    result.className = 'card prices-result ' + kind;
    result.replaceChildren(...children);
    result.hidden = false;
  }

  function showImported(name, r) {
    show('ok', el('h2', {}, t('prices.imported', { name })),
      el('dl', { class: 'facts', id: 'prices-summary' },
        el('dt', {}, t('prices.sum.format')), el('dd', { id: 'prices-format' }, format(r.format)),
        el('dt', {}, t('prices.sum.rows')), el('dd', { id: 'prices-rows' }, number(r.rows)),
        el('dt', {}, t('prices.sum.changed')), el('dd', { id: 'prices-changed' }, number(r.changed)),
        el('dt', {}, t('prices.sum.unchanged')), el('dd', { id: 'prices-unchanged' }, number(r.unchanged)),
        el('dt', {}, t('prices.sum.skipped')), el('dd', { id: 'prices-skipped' }, number(r.skipped) + (r.skipped ? ' ' + t('prices.sum.skippedWhy') : '')),
        el('dt', {}, t('prices.sum.time')), el('dd', { id: 'prices-time' }, number(r.millis) + ' ms')));
  }

  function showRejected(name, status, data) {
    let why;
    // Row 0: the file as a whole is broken (an unterminated quote); the reason names the line.
    if (data && data.row > 0) why = el('p', { id: 'prices-error' }, el('strong', {}, t('prices.row', { row: number(data.row) }) + ' '), data.reason);
    else if (data && data.reason) why = el('p', { id: 'prices-error' }, data.reason);
    else if (status === 413 && !(data && data.error)) why = el('p', { id: 'prices-error' }, t('prices.tooLargeServer'));
    else why = el('p', { id: 'prices-error' }, (data && data.error) || ('HTTP ' + status));
    show('bad', el('h2', {}, t('prices.notImported', { name })), why,
      el('p', { id: 'prices-nothing' }, t('prices.nothing')));
  }

  region.addEventListener('change', () => { result.hidden = true; load().catch((e) => flash(e.message)); });

  button.addEventListener('click', async () => {
    const f = file.files[0];
    if (!f) { flash(t('prices.chooseFile')); return; }
    if (limit && f.size > limit) {
      showRejected(f.name, 413, { error: t('prices.tooLarge', { size: mib(f.size), limit: mib(limit) }) });
      return;
    }
    button.disabled = true;
    result.hidden = true;
    try {
      const { status, data } = await call('POST', region.value, f);
      if (status === 200) {
        showImported(f.name, data);
        file.value = '';
        await load();
      } else {
        showRejected(f.name, status, data);
      }
    } catch (e) {
      showRejected(f.name, 0, { error: t('prices.unreachable', { message: e.message }) });
    } finally {
      button.disabled = false;
    }
  });

  async function load() {
    const { status, data } = await call('GET', region.value);
    if (status !== 200) throw new Error((data && data.error) || ('HTTP ' + status));
    if (region.options.length !== data.regions.length) {
      region.replaceChildren(...data.regions.map((code) => el('option', { value: code }, code)));
    }
    region.value = data.region;
    regionRow.hidden = data.regions.length < 2;
    limit = data.maxBytes || 0;
    newest.replaceChildren(data.newest
      ? t('prices.newest', { day: day(data.newest), days: number(data.staleAfterDays) })
      : t('prices.empty'));
    body.replaceChildren(...data.commodities.map((c) => el('tr', { class: c.stale ? 'stale' : null, dataset: { commodity: c.commodity, newest: c.newest } },
      el('td', {}, c.commodity), el('td', { class: 'num' }, c.rupiah === undefined ? '' : rupiah(c.rupiah) + ' / ' + c.unit),
      el('td', {}, day(c.newest)), el('td', {}, ageText(c.ageDays) + (c.stale ? ' ' + t('prices.stale') : '')))));
    const res = await fetch('/api/console/packs', { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' });
    if (res.ok) {
      packs.replaceChildren(...(await res.json()).packs.map((p) => el('tr', { dataset: { pack: p.code } },
        el('td', {}, p.nameId + ' / ' + p.nameEn), el('td', { class: 'num' }, number(p.items)), el('td', {}, dateTime(p.importedAt)),
        el('td', {}, p.source + (p.example ? ' ' + t('prices.packs.example') : '')))));
    }
  }
  return { node, load };
}
