// Search across complaints and conversations: a ticket code, the last digits of a phone number,
// or words from a description or a message.
import { api, el, time, conversationPath } from './app.js';
import { t, number } from './i18n.js';

export function searchView(query) {
  const complaints = el('tbody');
  const conversations = el('tbody');
  const summary = el('p', { class: 'muted', id: 'search-summary' });
  const node = el('div', { class: 'search' },
    el('h1', {}, t('search.title', { q: query })), summary,
    el('h2', {}, t('search.complaints')),
    el('table', { id: 'search-complaints', class: 'grid' },
      el('thead', {}, el('tr', {}, [t('col.ticket'), t('col.status'), t('col.category'), t('col.agency'), t('col.resident'), t('col.filed')]
        .map((h) => el('th', {}, h)))), complaints),
    el('h2', {}, t('search.conversations')),
    el('table', { id: 'search-conversations', class: 'grid' },
      el('thead', {}, el('tr', {}, [t('col.channel'), t('col.resident'), t('search.col.mode'), t('col.lastMessage'), t('search.col.active')]
        .map((h) => el('th', {}, h)))), conversations));

  async function load() {
    document.getElementById('search-text').value = query;
    const r = await api('GET', '/search?q=' + encodeURIComponent(query));
    summary.textContent = t('search.found', { complaints: number(r.complaints.length), conversations: number(r.conversations.length) });
    complaints.replaceChildren(...r.complaints.map((c) => el('tr', { dataset: { ticket: c.ticket } },
      el('td', {}, el('a', { href: '#/complaint/' + encodeURIComponent(c.ticket) }, c.ticket)),
      el('td', {}, el('span', { class: 'status s-' + c.status }, t('status.' + c.status))),
      el('td', {}, c.categoryName), el('td', {}, c.agencyName),
      el('td', { class: 'addr' }, c.address), el('td', {}, time(c.filedAt)))));
    conversations.replaceChildren(...r.conversations.map((c) => el('tr', { dataset: { key: c.key } },
      el('td', {}, el('span', { class: 'chan chan-' + c.channel }, c.channel)),
      el('td', { class: 'addr' }, el('a', { href: '#' + conversationPath(c.channel, c.address).replace('/conversations/', '/conversation/') }, c.address)),
      el('td', {}, t('search.mode.' + c.mode, { agent: c.agent || '' })),
      el('td', { class: 'last' }, c.lastText || ''),
      el('td', {}, time(c.lastActivity)))));
  }

  return { node, load };
}
