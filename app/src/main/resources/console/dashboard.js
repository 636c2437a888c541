// The dashboard, fit for a wall screen: big numbers and plain SVG charts, refreshed live.
import { api, el, flash } from './app.js';
import { barChart, columnChart } from './charts.js';

const CHANNELS = ['sms', 'ussd', 'whatsapp', 'telegram'];
const STATUS = { RECEIVED: 'Received', ASSIGNED: 'Assigned', IN_PROGRESS: 'In progress', RESOLVED: 'Resolved', REJECTED: 'Rejected' };

function big(id, label, value, unit) {
  return el('div', { class: 'stat card', id }, el('div', { class: 'num' }, value === null || value === undefined ? '–' : String(value)),
    el('div', { class: 'muted' }, label + (unit ? ' (' + unit + ')' : '')));
}

export function dashboardView() {
  const node = el('div', { class: 'dashboard', id: 'dashboard' });
  let timer = null;

  async function load() {
    const d = await api('GET', '/dashboard');
    const byChannel = (list) => Object.fromEntries(list.map((c) => [c.key, c.count]));
    const today = byChannel(d.today);
    const week = byChannel(d.week);
    node.replaceChildren(
      el('div', { class: 'row dash-head' }, el('h1', {}, 'Dashboard'),
        el('span', { class: 'muted' }, 'updated ' + new Date(d.now).toLocaleTimeString('en-GB')),
        el('button', { type: 'button', class: 'secondary', id: 'wall', onclick: () => {
          if (document.fullscreenElement) document.exitFullscreen(); else node.requestFullscreen().catch(() => {});
        } }, 'Wall screen')),
      el('div', { class: 'row stats' },
        big('stat-waiting', 'waiting for an agent', d.waiting),
        big('stat-with-agents', 'with agents', d.withAgents),
        big('stat-first-answer', 'median first agent answer', d.medianFirstAnswerMinutes, 'min'),
        big('stat-resolution', 'median to resolution', d.medianResolutionHours, 'h'),
        big('stat-today', 'messages today', d.today.reduce((a, c) => a + c.count, 0))),
      el('div', { class: 'charts' },
        el('div', { class: 'card' }, el('h2', {}, 'Messages by channel'),
          columnChart([{ label: 'today', series: today }, { label: 'this week', series: week }], CHANNELS)),
        el('div', { class: 'card' }, el('h2', {}, 'Complaints by status'), barChart(d.byStatus.map((c) => ({ label: STATUS[c.key] || c.label, count: c.count })))),
        el('div', { class: 'card' }, el('h2', {}, 'Complaints by category'), barChart(d.byCategory.map((c) => ({ label: c.label, count: c.count })))),
        el('div', { class: 'card' }, el('h2', {}, 'Complaints by agency'), barChart(d.byAgency.map((c) => ({ label: c.label, count: c.count })), { labelWidth: 230 }))));
  }

  timer = setInterval(() => load().catch((e) => flash(e.message)), 30000);
  return { node, load, onChanged: () => load().catch(() => {}), leave: () => clearInterval(timer) };
}
