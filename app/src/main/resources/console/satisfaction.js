// Satisfaction on the dashboard: "was it fixed?" per agency and agent ratings, over 30 days.
// Its few words in both languages here, until the console's language bundles take them.
import { api, el, state } from './app.js';

const WORDS = {
  en: { title: 'Satisfaction (30 days)', agency: 'Agency', share: 'fixed %', agent: 'Agent', average: 'rating 1-5',
    answers: 'answers', none: 'No answers yet.' },
  id: { title: 'Kepuasan (30 hari)', agency: 'Dinas', share: '% beres', agent: 'Petugas', average: 'nilai 1-5',
    answers: 'jawaban', none: 'Belum ada jawaban.' },
};

export function words() {
  const lang = state.lang || document.documentElement.lang || 'en';
  return WORDS[lang.startsWith('id') ? 'id' : 'en'];
}

function table(head, rows) {
  return el('table', { class: 'grid compact' }, el('thead', {}, el('tr', {}, head.map((h) => el('th', {}, h)))),
    el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c) => el('td', {}, c === null ? '–' : String(c)))))));
}

/**
 * The satisfaction card, a fifth column beside the charts on a wall screen: per agency the share
 * of "fixed" answers (of how many), per agent the average rating (of how many). Empty tables say
 * so rather than disappear, so the screen keeps its shape.
 */
export async function satisfactionCard() {
  const s = await api('GET', '/satisfaction');
  const w = words();
  return el('div', { class: 'card satisfaction', id: 'satisfaction' }, el('h2', {}, w.title),
    s.agencies.length === 0 && s.agents.length === 0 ? el('p', { class: 'muted' }, w.none) : null,
    s.agencies.length === 0 ? null
      : table([w.agency, w.share, w.answers], s.agencies.map((a) => [a.name, a.fixedPercent, a.fixed + a.notFixed])),
    s.agents.length === 0 ? null
      : table([w.agent, w.average, w.answers], s.agents.map((a) => [a.agent, a.average, a.ratings])));
}
