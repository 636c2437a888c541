// Prices (admins only): import a price CSV into the price board, and see how fresh the board is.
// The file goes as the request body (text/csv), imported whole or not at all, exactly as
// POST /api/admin/prices does for scripts; a bad file names its row and nothing is stored.
import { el, flash, state, time } from './app.js';

const FORMATS = { simple: 'Kanal simple CSV', bapanas: 'Badan Pangan Nasional export' };

/** GET or POST to the prices API; answers {status, data} so that a 400 (a bad row) can be shown in full. */
async function call(method, body) {
  const headers = { 'Accept': 'application/json' };
  if (method !== 'GET') {
    headers['Content-Type'] = 'text/csv';
    headers['X-CSRF-Token'] = state.me.csrfToken;
  }
  const res = await fetch('/api/console/prices', { method, headers, credentials: 'same-origin', body });
  let data = null;
  try { data = await res.json(); } catch (e) { data = null; }
  return { status: res.status, data };
}

function mib(bytes) {
  return (bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 2 : 1) + ' MiB';
}

function ageText(days) {
  if (days <= 0) return 'today';
  return days === 1 ? '1 day old' : days + ' days old';
}

export function pricesView() {
  const file = el('input', { id: 'prices-file', type: 'file', accept: '.csv,text/csv' });
  const button = el('button', { id: 'prices-import', type: 'button' }, 'Import');
  const result = el('div', { id: 'prices-result', class: 'card prices-result', role: 'status', hidden: true });
  const newest = el('p', { id: 'prices-newest' });
  const body = el('tbody');
  const packs = el('tbody');
  let limit = 0;
  const node = el('div', { class: 'prices' }, el('h1', {}, 'Prices'),
    el('div', { class: 'card' },
      el('h2', {}, 'Import a price CSV'),
      el('p', { class: 'muted' }, 'Either format: Kanal\u2019s simple CSV (date,market,commodity,unit,price) or the Badan Pangan '
        + 'Nasional export (Timestamp,ID,Komoditas,Satuan,Harga,\u2026). The whole file is imported or nothing; '
        + 'importing the same file again changes nothing.'),
      el('div', { class: 'row' }, file, button)),
    result,
    el('h2', {}, 'Price board freshness'),
    newest,
    el('table', { class: 'grid', id: 'prices-freshness' },
      el('thead', {}, el('tr', {}, ['Commodity', 'Newest price', 'Age'].map((h) => el('th', {}, h)))), body),
    // Content packs (issue 18) are imported with the import-pack command; here only their freshness.
    el('h2', {}, 'Content packs'),
    el('table', { class: 'grid', id: 'packs-freshness' },
      el('thead', {}, el('tr', {}, ['Pack', 'Items', 'Imported', 'Source'].map((h) => el('th', {}, h)))), packs));

  function show(kind, ...children) {
    result.className = 'card prices-result ' + kind;
    result.replaceChildren(...children);
    result.hidden = false;
  }

  function showImported(name, r) {
    show('ok', el('h2', {}, 'Imported ' + name),
      el('dl', { class: 'facts', id: 'prices-summary' },
        el('dt', {}, 'Format'), el('dd', { id: 'prices-format' }, FORMATS[r.format] || r.format),
        el('dt', {}, 'Rows'), el('dd', { id: 'prices-rows' }, String(r.rows)),
        el('dt', {}, 'Changed'), el('dd', { id: 'prices-changed' }, String(r.changed)),
        el('dt', {}, 'Unchanged'), el('dd', { id: 'prices-unchanged' }, String(r.unchanged)),
        el('dt', {}, 'Skipped'), el('dd', { id: 'prices-skipped' }, String(r.skipped) + (r.skipped ? ' (no price that day)' : '')),
        el('dt', {}, 'Time'), el('dd', { id: 'prices-time' }, r.millis + ' ms')));
  }

  function showRejected(name, status, data) {
    let why;
    // Row 0: the file as a whole is broken (an unterminated quote); the reason names the line.
    if (data && data.row > 0) why = el('p', { id: 'prices-error' }, el('strong', {}, 'Row ' + data.row + ': '), data.reason);
    else if (data && data.reason) why = el('p', { id: 'prices-error' }, data.reason);
    else if (status === 413 && !(data && data.error)) why = el('p', { id: 'prices-error' }, 'The file is too large for the server.');
    else why = el('p', { id: 'prices-error' }, (data && data.error) || ('HTTP ' + status));
    show('bad', el('h2', {}, name + ' was not imported'), why,
      el('p', { id: 'prices-nothing' }, 'Nothing was imported: the price board is as it was. Fix the file and import it again.'));
  }

  button.addEventListener('click', async () => {
    const f = file.files[0];
    if (!f) { flash('Choose a CSV file first'); return; }
    if (limit && f.size > limit) {
      showRejected(f.name, 413, { error: 'The file is ' + mib(f.size) + '; the server takes at most ' + mib(limit)
        + ' at a time. Split it into smaller files (each is imported whole or not at all).' });
      return;
    }
    button.disabled = true;
    result.hidden = true;
    try {
      const { status, data } = await call('POST', f);
      if (status === 200) {
        showImported(f.name, data);
        file.value = '';
        await load();
      } else {
        showRejected(f.name, status, data);
      }
    } catch (e) {
      showRejected(f.name, 0, { error: 'The server could not be reached: ' + e.message });
    } finally {
      button.disabled = false;
    }
  });

  async function load() {
    const { status, data } = await call('GET');
    if (status !== 200) throw new Error((data && data.error) || ('HTTP ' + status));
    limit = data.maxBytes || 0;
    newest.replaceChildren(data.newest
      ? 'Newest price on the board: ' + data.newest + '. Prices older than ' + data.staleAfterDays
        + ' days are answered with their date.'
      : 'The price board is empty.');
    body.replaceChildren(...data.commodities.map((c) => el('tr', { class: c.stale ? 'stale' : null, dataset: { commodity: c.commodity } },
      el('td', {}, c.commodity), el('td', {}, c.newest), el('td', {}, ageText(c.ageDays) + (c.stale ? ' (stale)' : '')))));
    const res = await fetch('/api/console/packs', { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' });
    if (res.ok) {
      packs.replaceChildren(...(await res.json()).packs.map((p) => el('tr', { dataset: { pack: p.code } },
        el('td', {}, p.nameId + ' / ' + p.nameEn), el('td', {}, String(p.items)), el('td', {}, time(p.importedAt)),
        el('td', {}, p.source + (p.example ? ' (example data)' : '')))));
    }
  }
  return { node, load };
}
