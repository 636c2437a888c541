// Satisfaction on the dashboard: "was it fixed?" per agency and agent ratings, over 30 days.
// Its few words in both languages here, until the console's language bundles take them.
import { api, el, state } from './app.js';

const WORDS = {
  en: { title: 'Satisfaction (30 days)', agency: 'Agency', asked: 'asked', fixed: 'fixed', notFixed: 'not fixed',
    share: 'fixed %', agent: 'Agent', ratings: 'ratings', average: 'average (1-5)', none: 'No answers yet.' },
  id: { title: 'Kepuasan (30 hari)', agency: 'Dinas', asked: 'ditanya', fixed: 'sudah beres', notFixed: 'belum beres',
    share: '% beres', agent: 'Petugas', ratings: 'penilaian', average: 'rata-rata (1-5)', none: 'Belum ada jawaban.' },
};

export function words() {
  const lang = state.lang || document.documentElement.lang || 'en';
  return WORDS[lang.startsWith('id') ? 'id' : 'en'];
}

function table(head, rows) {
  return el('table', { class: 'grid' }, el('thead', {}, el('tr', {}, head.map((h) => el('th', {}, h)))),
    el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c) => el('td', {}, c === null ? '–' : String(c)))))));
}

/** The satisfaction card: empty tables say so rather than disappear, so the wall screen keeps its shape. */
export async function satisfactionCard() {
  const s = await api('GET', '/satisfaction');
  const w = words();
  return el('div', { class: 'card', id: 'satisfaction' }, el('h2', {}, w.title),
    s.agencies.length === 0 ? el('p', { class: 'muted' }, w.none)
      : table([w.agency, w.asked, w.fixed, w.notFixed, w.share],
        s.agencies.map((a) => [a.name, a.asked, a.fixed, a.notFixed, a.fixedPercent])),
    s.agents.length === 0 ? null
      : table([w.agent, w.asked, w.ratings, w.average], s.agents.map((a) => [a.agent, a.asked, a.ratings, a.average])));
}
