// Satisfaction on the dashboard: "was it fixed?" per agency and agent ratings, over 30 days.
import { api, el } from './app.js';
import { t, number } from './i18n.js';

function table(head, rows) {
  return el('table', { class: 'grid compact' }, el('thead', {}, el('tr', {}, head.map((h) => el('th', {}, h)))),
    el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c) => el('td', {}, c === null ? '–' : typeof c === 'number' ? number(c) : String(c)))))));
}

/**
 * The satisfaction card, a fifth column beside the charts on a wall screen: per agency the share
 * of "fixed" answers (of how many), per agent the average rating (of how many). Empty tables say
 * so rather than disappear, so the screen keeps its shape.
 */
export async function satisfactionCard() {
  const s = await api('GET', '/satisfaction');
  return el('div', { class: 'card satisfaction', id: 'satisfaction' }, el('h2', {}, t('satisfaction.title')),
    s.agencies.length === 0 && s.agents.length === 0 ? el('p', { class: 'muted' }, t('satisfaction.none')) : null,
    s.agencies.length === 0 ? null
      : table([t('satisfaction.agency'), t('satisfaction.share'), t('satisfaction.answers')], s.agencies.map((a) => [a.name, a.fixedPercent, a.fixed + a.notFixed])),
    s.agents.length === 0 ? null
      : table([t('satisfaction.agent'), t('satisfaction.average'), t('satisfaction.answers')], s.agents.map((a) => [a.agent, a.average, a.ratings])));
}
