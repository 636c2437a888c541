// Area alerts (supervisors): pick a kelurahan or kecamatan, write the text, see the estimate
// (residents, channels, SMS segments, cost), send, then follow the delivery funnel.
import { api, el, flash, state, time } from './app.js';

const WORDS = {
  en: { title: 'Area alerts', kind: 'Area', kelurahan: 'kelurahan', kecamatan: 'kecamatan', text: 'Text',
    estimate: 'Estimate', send: 'Send', confirm: 'Send this alert to {n} residents?', residents: 'residents',
    segments: 'SMS segments', cost: 'estimated cost', channels: 'channels', sent: 'Sent', recent: 'Sent alerts',
    queued: 'queued', handed: 'sent', delivered: 'delivered', failed: 'failed', none: 'No alerts sent yet.' },
  id: { title: 'Peringatan wilayah', kind: 'Wilayah', kelurahan: 'kelurahan', kecamatan: 'kecamatan', text: 'Teks',
    estimate: 'Perkiraan', send: 'Kirim', confirm: 'Kirim peringatan ini ke {n} warga?', residents: 'warga',
    segments: 'segmen SMS', cost: 'perkiraan biaya', channels: 'kanal', sent: 'Terkirim', recent: 'Peringatan terkirim',
    queued: 'antre', handed: 'terkirim', delivered: 'diterima', failed: 'gagal', none: 'Belum ada peringatan.' },
};

function words() {
  const lang = state.lang || document.documentElement.lang || 'en';
  return WORDS[lang.startsWith('id') ? 'id' : 'en'];
}

const rupiah = (n) => 'Rp' + Number(n).toLocaleString('id-ID');
const channels = (m) => Object.entries(m).map(([k, v]) => k + ' ' + v).join(', ') || '–';

export function alertsView() {
  const w = words();
  const node = el('div', { id: 'alerts' });
  const kind = el('select', { id: 'alert-kind' }, el('option', { value: 'kelurahan' }, w.kelurahan),
    el('option', { value: 'kecamatan' }, w.kecamatan));
  const area = el('select', { id: 'alert-area' });
  const text = el('textarea', { id: 'alert-text', rows: 3, maxlength: 250 });
  const estimate = el('div', { id: 'alert-estimate', class: 'muted' });
  const sendButton = el('button', { type: 'button', id: 'alert-send', disabled: true }, w.send);
  const recent = el('div', { id: 'alert-recent' });
  let areas = {};
  let estimated = null;

  function fillAreas() {
    const names = kind.value === 'kecamatan' ? Object.keys(areas) : Object.values(areas).flat().sort();
    area.replaceChildren(...names.map((n) => el('option', { value: n }, n)));
    stale();
  }
  function stale() { estimated = null; sendButton.disabled = true; estimate.textContent = ''; }
  const body = () => ({ areaKind: kind.value, area: area.value, text: text.value });

  async function doEstimate() {
    try {
      const e = await api('POST', '/alerts/estimate', body());
      estimated = e;
      estimate.replaceChildren(summary(e));
      sendButton.disabled = e.recipients === 0;
    } catch (err) { flash(err.message); }
  }
  function summary(e) {
    return el('span', {}, e.recipients + ' ' + w.residents + ' · ' + w.channels + ': ' + channels(e.byChannel)
      + ' · ' + e.smsSegments + ' ' + w.segments + ' · ' + w.cost + ' ' + rupiah(e.estimatedCost));
  }
  async function doSend() {
    if (!estimated || !window.confirm(w.confirm.replace('{n}', estimated.recipients))) return;
    try {
      await api('POST', '/alerts', body());
      flash(w.sent, 'ok');
      text.value = '';
      stale();
      await loadRecent();
    } catch (err) { flash(err.message); }
  }
  async function loadRecent() {
    const r = await api('GET', '/alerts');
    recent.replaceChildren(r.alerts.length === 0 ? el('p', { class: 'muted' }, w.none)
      : el('table', { class: 'grid', id: 'alerts-table' },
        el('thead', {}, el('tr', {}, ['', w.kind, w.residents, w.cost, w.queued, w.handed, w.delivered, w.failed]
          .map((h) => el('th', {}, h)))),
        el('tbody', {}, r.alerts.map((a) => el('tr', {},
          el('td', {}, time(a.sentAt)), el('td', {}, a.areaKind + ' ' + a.area), el('td', {}, String(a.estimate.recipients)),
          el('td', {}, rupiah(a.estimate.estimatedCost)), el('td', {}, String(a.queued)), el('td', {}, String(a.sent)),
          el('td', {}, String(a.delivered)), el('td', {}, String(a.failed)))))));
  }

  kind.addEventListener('change', fillAreas);
  area.addEventListener('change', stale);
  text.addEventListener('input', stale);
  node.append(el('h1', {}, w.title),
    el('div', { class: 'card' },
      el('label', {}, w.kind, ' ', kind, ' ', area),
      el('label', {}, w.text, text),
      el('div', { class: 'row' }, el('button', { type: 'button', id: 'alert-estimate-button', class: 'secondary',
        onclick: doEstimate }, w.estimate), sendButton),
      estimate),
    el('h2', {}, w.recent), recent);
  sendButton.addEventListener('click', doSend);

  async function load() {
    areas = (await api('GET', '/areas')).kecamatan;
    fillAreas();
    await loadRecent();
  }
  return { node, load, onChanged: () => loadRecent().catch(() => {}) };
}
