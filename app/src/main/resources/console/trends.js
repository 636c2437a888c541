// For supervisors: complaints filed and resolved per agency, week by week, and the overdue
// complaints to work from, most overdue first.
import { api, el, flash, time } from './app.js';
import { t, tn, number, date, dayMonth } from './i18n.js';

const NS = 'http://www.w3.org/2000/svg';

/** A small line of the weekly counts, so a rising agency stands out at a glance. */
function sparkline(values) {
  const w = 120;
  const h = 28;
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? w / (values.length - 1) : w;
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', '0 0 ' + w + ' ' + (h + 4));
  svg.setAttribute('class', 'sparkline');
  svg.setAttribute('role', 'img');
  const line = document.createElementNS(NS, 'polyline');
  line.setAttribute('points', values.map((v, i) => (i * step).toFixed(1) + ',' + (2 + h - (h * v) / max).toFixed(1)).join(' '));
  line.setAttribute('fill', 'none');
  line.setAttribute('stroke', '#0b6bcb');
  line.setAttribute('stroke-width', '2');
  svg.append(line);
  return svg;
}

export function trendsView() {
  const node = el('div', { class: 'trends' });

  async function load() {
    const d = await api('GET', '/dashboard/trends');
    const head = el('tr', {}, el('th', {}, t('col.agency')),
      d.weeks.map((w) => el('th', { class: 'num', title: t('trends.weekOf', { day: date(w) }) }, dayMonth(w))),
      el('th', {}, t('trends.trend')));
    const rows = d.agencies.map((a) => el('tr', { dataset: { agency: a.key } }, el('td', {}, a.label),
      a.filed.map((n, i) => el('td', { class: 'num', title: t('trends.cell', { filed: number(n), resolved: number(a.resolved[i]) }) },
        el('strong', { class: n === 0 ? 'muted' : '' }, number(n)), el('span', { class: 'muted' }, ' / ' + number(a.resolved[i])))),
      el('td', {}, sparkline(a.filed))));
    const overdue = d.overdue.map((c) => el('tr', { dataset: { ticket: c.ticket } },
      el('td', {}, el('a', { href: '#/complaint/' + encodeURIComponent(c.ticket) }, c.ticket)),
      el('td', {}, el('span', { class: 'status s-' + c.status }, t('status.' + c.status))),
      el('td', {}, c.agencyName), el('td', {}, c.categoryName), el('td', {}, time(c.dueAt)),
      el('td', { class: 'error' }, tn('trends.daysLate', c.daysOverdue))));
    node.replaceChildren(
      el('div', { class: 'row dash-head' }, el('h1', {}, t('trends.title')),
        el('a', { href: '#/dashboard', class: 'button secondary' }, t('trends.back'))),
      el('div', { class: 'card' }, el('h2', {}, t('trends.overdue', { n: number(d.overdueTotal) })),
        d.overdue.length === 0 ? el('p', { class: 'muted', id: 'overdue-none' }, t('trends.overdueNone')) : null,
        el('table', { class: 'grid', id: 'overdue-table', hidden: d.overdue.length === 0 },
          el('thead', {}, el('tr', {}, [t('col.ticket'), t('col.status'), t('col.agency'), t('col.category'), t('col.due'), t('trends.late')]
            .map((h) => el('th', {}, h)))),
          el('tbody', {}, overdue)),
        d.overdueTotal > d.overdue.length ? el('a', { href: '#/complaints?overdue', id: 'overdue-all' }, t('trends.overdueAll')) : null),
      el('div', { class: 'card' }, el('h2', {}, t('trends.weekly')), el('p', { class: 'muted' }, t('trends.legend')),
        el('table', { class: 'grid', id: 'trends-table' }, el('thead', {}, head), el('tbody', {}, rows))));
  }

  return { node, load, onChanged: (keys) => { if (keys.includes('*')) load().catch((e) => flash(e.message)); } };
}
