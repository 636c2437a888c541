// The dashboard, fit for a wall screen: big numbers and plain SVG charts, refreshed live.
import { api, el, flash, state } from './app.js';
import { barChart, columnChart } from './charts.js';
import { satisfactionCard } from './satisfaction.js';
import { t, number, clockTime } from './i18n.js';

const CHANNELS = ['sms', 'ussd', 'whatsapp', 'telegram'];
const CHANNEL_COLORS = ['#1e40af', '#7c3aed', '#16a34a', '#0ea5e9'];
const STATUS_COLORS = { RECEIVED: '#d97706', ASSIGNED: '#2563eb', IN_PROGRESS: '#4f46e5', RESOLVED: '#16a34a', REJECTED: '#dc2626' };

function big(id, label, value, unit, alert) {
  const shown = value === null || value === undefined ? '–' : number(value);
  return el('div', { class: 'stat card' + (alert ? ' alert' : ''), id },
    el('div', { class: 'num' }, shown, unit && shown !== '–' ? el('span', { class: 'unit' }, ' ' + unit) : null),
    el('div', { class: 'muted' }, label));
}

/** Every status in lifecycle order, zeros included, so the wall screen keeps its shape from day to day. */
function statusCounts(list) {
  const counts = Object.fromEntries(list.map((c) => [c.key, c.count]));
  return Object.keys(STATUS_COLORS).map((k) => ({ label: t('status.' + k), count: counts[k] || 0, color: STATUS_COLORS[k] }));
}

export function dashboardView() {
  const node = el('div', { class: 'dashboard', id: 'dashboard' });
  let timer = null;

  async function load() {
    const d = await api('GET', '/dashboard');
    const byChannel = (list) => Object.fromEntries(list.map((c) => [c.key, c.count]));
    const today = byChannel(d.today);
    const week = byChannel(d.week);
    // Four charts side by side on a wall screen: draw them at about the size they are shown,
    // so that their text stays readable from across the room instead of being scaled down.
    const wide = window.innerWidth >= 1600;
    const w = wide ? 400 : 520;
    const bars = wide ? { bar: 30, gap: 10 } : {};
    node.replaceChildren(
      el('div', { class: 'row dash-head' }, el('h1', {}, t('dash.title'), state.me && state.me.region ? ' · ' + state.me.region : ''),
        el('span', { class: 'muted' }, t('dash.updated', { at: clockTime(d.now) })),
        el('a', { href: '#/dashboard/trends', class: 'button secondary', id: 'to-trends' }, t('dash.trendsLink')),
        el('button', { type: 'button', class: 'secondary', id: 'wall', onclick: () => {
          if (document.fullscreenElement) document.exitFullscreen(); else node.requestFullscreen().catch(() => {});
        } }, t('dash.wall'))),
      el('div', { class: 'row stats' },
        big('stat-waiting', t('dash.waiting'), d.waiting, null, d.waiting > 0),
        big('stat-with-agents', t('dash.withAgents'), d.withAgents),
        big('stat-first-answer', t('dash.firstAnswer'), d.medianFirstAnswerMinutes, t('unit.minutes')),
        big('stat-resolution', t('dash.resolution'), d.medianResolutionHours, t('unit.hours')),
        big('stat-today', t('dash.today'), d.today.reduce((a, c) => a + c.count, 0))),
      el('div', { class: 'charts' },
        el('div', { class: 'card' }, el('h2', {}, t('dash.byChannel')),
          columnChart([{ label: t('dash.todayShort'), series: today }, { label: t('dash.thisWeek'), series: week }], CHANNELS,
            { width: w, height: wide ? 300 : 240, colors: CHANNEL_COLORS })),
        el('div', { class: 'card' }, el('h2', {}, t('dash.byStatus')), barChart(statusCounts(d.byStatus), { ...bars, width: w, labelWidth: wide ? 185 : 200 })),
        el('div', { class: 'card' }, el('h2', {}, t('dash.byCategory')), barChart(d.byCategory.map((c) => ({ label: c.label, count: c.count })), { ...bars, width: w, labelWidth: wide ? 160 : 190 })),
        el('div', { class: 'card' }, el('h2', {}, t('dash.byAgency')), barChart(d.byAgency.map((c) => ({ label: c.label, count: c.count })), { ...bars, width: w, labelWidth: wide ? 215 : 230 }))));
    node.querySelector('.charts').classList.add('with-satisfaction');
    node.querySelector('.charts').append(await satisfactionCard());
  }

  timer = setInterval(() => load().catch((e) => flash(e.message)), 30000);
  return { node, load, onChanged: () => load().catch(() => {}), leave: () => clearInterval(timer) };
}
