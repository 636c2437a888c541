// Area alerts (supervisors): pick a kelurahan or kecamatan, write the text, see the estimate
// (residents, channels, SMS segments, cost), send, then follow the delivery funnel. Texts: alerts.* in the bundles.
// Each region's alerts reach its own areas and residents: an every-region account picks the region
// (the selector, shown when it may pick more than one), and every call names it (?region=).
import { api, el, flash, time } from './app.js';
import { t, number, rupiah } from './i18n.js';

const channels = (m) => Object.entries(m).map(([k, v]) => k + ' ' + v).join(', ') || '–';

export function alertsView() {
  const node = el('div', { id: 'alerts' });
  const kind = el('select', { id: 'alert-kind' }, el('option', { value: 'kelurahan' }, t('alerts.kelurahan')),
    el('option', { value: 'kecamatan' }, t('alerts.kecamatan')));
  const area = el('select', { id: 'alert-area' });
  const text = el('textarea', { id: 'alert-text', rows: 3, maxlength: 250 });
  const estimate = el('div', { id: 'alert-estimate', class: 'muted' });
  const sendButton = el('button', { type: 'button', id: 'alert-send', disabled: true }, t('alerts.send'));
  const recent = el('div', { id: 'alert-recent' });
  const region = el('select', { id: 'alert-region', 'aria-label': t('alerts.region') });
  const regionLabel = el('label', { hidden: true }, t('alerts.region'), ' ', region);
  let regionCode = '';
  const inRegion = (path) => path + (regionCode ? '?region=' + encodeURIComponent(regionCode) : '');
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
      const e = await api('POST', inRegion('/alerts/estimate'), body());
      estimated = e;
      estimate.replaceChildren(summary(e));
      sendButton.disabled = e.recipients === 0;
    } catch (err) { flash(err.message); }
  }
  function summary(e) {
    return el('span', {}, number(e.recipients) + ' ' + t('alerts.residents') + ' · ' + t('alerts.channels') + ': ' + channels(e.byChannel)
      + ' · ' + number(e.smsSegments) + ' ' + t('alerts.segments') + ' · ' + t('alerts.cost') + ' ' + rupiah(e.estimatedCost));
  }
  async function doSend() {
    if (!estimated || !window.confirm(t('alerts.confirm', { n: number(estimated.recipients) }))) return;
    try {
      await api('POST', inRegion('/alerts'), body());
      flash(t('alerts.sent'), 'ok');
      text.value = '';
      stale();
      await loadRecent();
    } catch (err) { flash(err.message); }
  }
  async function loadRecent() {
    const r = await api('GET', inRegion('/alerts'));
    recent.replaceChildren(r.alerts.length === 0 ? el('p', { class: 'muted' }, t('alerts.none'))
      : el('table', { class: 'grid', id: 'alerts-table' },
        el('thead', {}, el('tr', {}, ['', t('alerts.kind'), t('alerts.residents'), t('alerts.cost'), t('alerts.queued'), t('alerts.handed'), t('alerts.delivered'), t('alerts.failed')]
          .map((h) => el('th', {}, h)))),
        el('tbody', {}, r.alerts.map((a) => el('tr', {},
          el('td', {}, time(a.sentAt)), el('td', {}, a.areaKind + ' ' + a.area), el('td', {}, String(a.estimate.recipients)),
          el('td', {}, rupiah(a.estimate.estimatedCost)), el('td', {}, String(a.queued)), el('td', {}, String(a.sent)),
          el('td', {}, String(a.delivered)), el('td', {}, String(a.failed)))))));
  }

  kind.addEventListener('change', fillAreas);
  region.addEventListener('change', async () => {
    regionCode = region.value;
    try {
      await loadAreas();
      await loadRecent();
    } catch (err) { flash(err.message); }
  });
  area.addEventListener('change', stale);
  text.addEventListener('input', stale);
  node.append(el('h1', {}, t('alerts.title')),
    el('div', { class: 'card' },
      regionLabel,
      el('label', {}, t('alerts.kind'), ' ', kind, ' ', area),
      el('label', {}, t('alerts.text'), text),
      el('div', { class: 'row' }, el('button', { type: 'button', id: 'alert-estimate-button', class: 'secondary',
        onclick: doEstimate }, t('alerts.estimate')), sendButton),
      estimate),
    el('h2', {}, t('alerts.recent')), recent);
  sendButton.addEventListener('click', doSend);

  async function loadAreas() {
    const a = await api('GET', inRegion('/areas'));
    areas = a.kecamatan;
    regionCode = a.region;
    region.replaceChildren(...a.regions.map((r) => el('option', { value: r.code }, r.name)));
    region.value = a.region;
    regionLabel.hidden = a.regions.length < 2;
    fillAreas();
  }
  async function load() {
    await loadAreas();
    await loadRecent();
  }
  return { node, load, onChanged: () => loadRecent().catch(() => {}) };
}
