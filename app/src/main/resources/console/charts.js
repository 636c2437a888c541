// Plain SVG charts built through the DOM (no library, no CDN, no innerHTML).
import { t, number } from './i18n.js';

const NS = 'http://www.w3.org/2000/svg';
const COLORS = ['#1f77b4', '#2ca02c', '#ff7f0e', '#9467bd', '#d62728', '#17becf', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22'];

function svg(tag, attrs, text) {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Horizontal bars: items [{label, count, color?}], one colour unless an item brings its own. */
export function barChart(items, opts) {
  const o = Object.assign({ width: 520, bar: 26, gap: 8, labelWidth: 190, color: '#0b6bcb' }, opts || {});
  const height = Math.max(1, items.length) * (o.bar + o.gap) + o.gap;
  const max = Math.max(1, ...items.map((i) => i.count));
  const root = svg('svg', { viewBox: '0 0 ' + o.width + ' ' + height, class: 'chart', role: 'img' });
  items.forEach((it, n) => {
    const y = o.gap + n * (o.bar + o.gap);
    const w = Math.round((o.width - o.labelWidth - 60) * it.count / max);
    root.append(svg('text', { x: o.labelWidth - 8, y: y + o.bar * 0.7, 'text-anchor': 'end', class: 'label' }, it.label));
    root.append(svg('rect', { x: o.labelWidth, y, width: Math.max(2, w), height: o.bar, rx: 3, fill: it.color || o.color }));
    root.append(svg('text', { x: o.labelWidth + Math.max(2, w) + 6, y: y + o.bar * 0.7, class: 'value' }, number(it.count)));
  });
  if (items.length === 0) root.append(svg('text', { x: 10, y: 24, class: 'label' }, t('chart.noData')));
  return root;
}

/** Grouped columns: groups [{label, series: {name: count}}], names in order, colours by name. */
export function columnChart(groups, names, opts) {
  const o = Object.assign({ width: 520, height: 240, pad: 30, colors: COLORS }, opts || {});
  const root = svg('svg', { viewBox: '0 0 ' + o.width + ' ' + (o.height + 60), class: 'chart', role: 'img' });
  const max = Math.max(1, ...groups.flatMap((g) => names.map((n) => g.series[n] || 0)));
  const gw = (o.width - o.pad) / Math.max(1, groups.length);
  const bw = Math.max(6, (gw - 20) / Math.max(1, names.length));
  groups.forEach((g, gi) => {
    names.forEach((n, ni) => {
      const v = g.series[n] || 0;
      const h = Math.round((o.height - 20) * v / max);
      const x = o.pad + gi * gw + 10 + ni * bw;
      root.append(svg('rect', { x, y: o.height - h, width: bw - 4, height: Math.max(1, h), fill: o.colors[ni % o.colors.length] }));
      root.append(svg('text', { x: x + (bw - 4) / 2, y: o.height - h - 4, 'text-anchor': 'middle', class: 'value' }, number(v)));
    });
    root.append(svg('text', { x: o.pad + gi * gw + gw / 2, y: o.height + 20, 'text-anchor': 'middle', class: 'label' }, g.label));
  });
  // Legend entries as wide as their names (about 9 units a character), so none overlaps the next.
  let x = o.pad;
  names.forEach((n, ni) => {
    root.append(svg('rect', { x, y: o.height + 36, width: 14, height: 14, fill: o.colors[ni % o.colors.length] }));
    root.append(svg('text', { x: x + 20, y: o.height + 48, class: 'label' }, n));
    x += 20 + n.length * 9 + 18;
  });
  return root;
}
