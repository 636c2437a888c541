// The queue: conversations waiting for a person, oldest first; live through SSE.
import { api, el, ago, flash, state, conversationPath, takingByHand } from './app.js';
import { t } from './i18n.js';

/** Why a resident waits: queue.reason.asked, queue.reason.misunderstood; another reason shows as sent. */
function reason(r) {
  return r === 'asked' || r === 'misunderstood' ? t('queue.reason.' + r) : (r || '');
}

/** Long waits stand out: amber past 5 minutes, red past 15. */
function waitClass(since, now) {
  const min = (now - since) / 60000;
  return 'wait' + (min >= 15 ? ' very-long' : min >= 5 ? ' long' : '');
}

export function queueView() {
  const waitingBody = el('tbody');
  const mineBody = el('tbody');
  const empty = el('p', { class: 'muted', id: 'queue-empty', text: t('queue.empty') });
  const node = el('div', { class: 'queue' },
    el('h1', {}, t('queue.title')),
    el('table', { id: 'queue-table', class: 'grid' },
      el('thead', {}, el('tr', {}, [t('queue.col.waiting'), t('col.channel'), t('col.resident'), t('queue.col.why'), t('col.language'), t('col.lastMessage'), ''].map((h) => el('th', {}, h)))),
      waitingBody),
    empty,
    el('h2', {}, t('queue.withAgents')),
    el('table', { id: 'owned-table', class: 'grid' },
      el('thead', {}, el('tr', {}, [t('queue.col.since'), t('col.channel'), t('col.resident'), t('col.agent'), t('col.language'), t('col.lastMessage'), ''].map((h) => el('th', {}, h)))),
      mineBody));
  let rows = [];
  let skew = 0;
  const timers = [];

  function render() {
    const now = Date.now() - skew;
    const waiting = rows.filter((r) => r.mode === 'queued');
    empty.hidden = waiting.length > 0;
    waitingBody.replaceChildren(...waiting.map((r) => el('tr', { dataset: { key: r.key }, class: 'queued' },
      el('td', { class: waitClass(r.since, now), dataset: { since: String(r.since) } }, ago(r.since, now)),
      el('td', {}, el('span', { class: 'chan chan-' + r.channel }, r.channel)),
      el('td', { class: 'addr' }, r.address),
      el('td', {}, reason(r.reason)),
      el('td', {}, r.language),
      el('td', { class: 'last' }, r.lastText || ''),
      el('td', {}, el('button', { class: 'take', type: 'button', onclick: () => take(r) }, t('queue.take'))))));
    const owned = rows.filter((r) => r.mode === 'agent');
    mineBody.replaceChildren(...owned.map((r) => el('tr', { dataset: { key: r.key }, class: r.agent === state.me.username ? 'mine' : '' },
      el('td', {}, ago(r.since, now)),
      el('td', {}, el('span', { class: 'chan chan-' + r.channel }, r.channel)),
      el('td', { class: 'addr' }, r.address),
      el('td', {}, r.agent),
      el('td', {}, r.language),
      el('td', { class: 'last' }, r.lastText || ''),
      el('td', {}, el('a', { href: '#/conversation/' + encodeURIComponent(r.channel) + '/' + encodeURIComponent(r.address) }, t('queue.open'))))));
  }

  async function take(r) {
    takingByHand(r.key);
    try {
      await api('POST', conversationPath(r.channel, r.address) + '/take', {});
      location.hash = '#/conversation/' + encodeURIComponent(r.channel) + '/' + encodeURIComponent(r.address);
    } catch (e) {
      flash(e.message);
      load();
    }
  }

  async function load() {
    const q = await api('GET', '/queue');
    skew = Date.now() - q.now;
    rows = q.conversations;
    render();
  }

  timers.push(setInterval(() => {
    const now = Date.now() - skew;
    for (const td of waitingBody.querySelectorAll('td.wait')) {
      td.textContent = ago(Number(td.dataset.since), now);
      td.className = waitClass(Number(td.dataset.since), now);
    }
  }, 1000));

  return {
    node, load,
    onChanged: () => { load().catch((e) => flash(e.message)); },
    leave: () => timers.forEach(clearInterval),
  };
}
