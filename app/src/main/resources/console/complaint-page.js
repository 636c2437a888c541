// The complaint page's photos, place and history (GET /complaints/{ticket}/page), below the
// complaint's facts and status change (complaints.js). Photos come from the console's own route,
// behind the session: Kanal fetched and keeps them, and a provider's URL never reaches the page.
import { api, el, flash, time } from './app.js';
import { t, number, byLabel } from './i18n.js';

/** A status in words, as everywhere in the console. */
function statusLabel(s) {
  return t('status.' + s);
}

/** The retention's days, from the server's words "deleted 90 days after the complaint was closed". */
function retentionDays(text) {
  const m = /deleted (\d+) days after/.exec(text || '');
  return m ? number(Number(m[1])) : '?';
}

/** A note the server wrote itself, in the account's language (a person's note is shown as written). */
function noteText(h) {
  const m = h.by === 'kanal:photo-retention' ? /^photos? ([\d, ]+) deleted (\d+) days after/.exec(h.text || '') : null;
  return m ? t('page.photosRemovedNote', { photos: m[1], days: number(Number(m[2])) }) : h.text;
}

function photosSection(page) {
  const items = page.photos.map((p) => {
    const n = p.position + 1;
    if (p.state === 'STORED') {
      return el('figure', { class: 'photo' },
        el('a', { href: p.href, target: '_blank', rel: 'noopener' },
          el('img', { src: p.href, alt: t('page.photoAlt', { n }), class: 'complaint-photo', dataset: { position: p.position } })));
    }
    const text = p.state === 'PENDING' ? t('page.photoPending', { n, attempts: p.attempts + 1 })
      : p.state === 'REMOVED' ? t('page.photoRemoved', { n, days: retentionDays(p.error) })
        : t('page.photoFailed', { n, error: p.error || '' });
    return el('p', { class: p.state === 'FAILED' ? 'photo-state error' : 'photo-state muted', dataset: { state: p.state } }, text);
  });
  return el('section', { id: 'complaint-photos', class: 'card' }, el('h2', {}, t('page.photos')),
    items.length ? el('div', { class: 'photos' }, items) : el('p', { class: 'muted' }, t('page.noPhotos')));
}

function placeSection(page) {
  const p = page.place;
  const coords = p.latitude === null || p.latitude === undefined
    ? el('dd', { id: 'place-coordinates', class: 'muted' }, t('page.noCoordinates'))
    : el('dd', { id: 'place-coordinates' }, p.latitude.toFixed(6) + ', ' + p.longitude.toFixed(6) + ' · ',
      el('a', { id: 'place-osm', href: p.osmUrl, target: '_blank', rel: 'noopener noreferrer' }, t('page.openMap')));
  const near = page.nearby.map((n) => el('li', { dataset: { ticket: n.ticket } },
    el('strong', { class: 'distance' }, t('page.meters', { m: number(n.meters) })), ' ',
    el('a', { href: '#/complaint/' + encodeURIComponent(n.ticket) }, n.ticket), ' ',
    el('span', { class: 'status s-' + n.status }, statusLabel(n.status)), ' ', n.categoryName, ' · ', n.location,
    n.duplicateOf ? el('span', { class: 'muted' }, ' (' + t('page.duplicateOf', { t: n.duplicateOf }) + ')') : null));
  return el('section', { id: 'complaint-place', class: 'card' }, el('h2', {}, t('page.place')),
    el('dl', { class: 'facts' },
      el('dt', {}, t('page.typed')), el('dd', { id: 'place-typed' }, p.typed),
      el('dt', {}, t('page.coordinates')), coords),
    el('h3', {}, t('page.nearby')),
    near.length ? el('ol', { id: 'nearby', class: 'nearby' }, near) : el('p', { id: 'nearby-none', class: 'muted' }, t('page.noNearby')));
}

function historySection(page, ticket, reload) {
  const kinds = { status: t('page.kindStatus'), note: t('page.kindNote'), message: t('page.kindMessage') };
  const items = page.history.map((h) => el('li', { class: 'event ev-' + h.kind, dataset: { kind: h.kind } },
    el('span', { class: 'kind' }, kinds[h.kind] || h.kind), ' ',
    h.status ? el('span', { class: 'status s-' + h.status }, statusLabel(h.status)) : null, ' ',
    time(h.at), ' · ', byLabel(h.by),
    h.channel ? ' · ' + t('page.via', { channel: h.channel }) : '',
    h.delivery ? ' · ' + t('page.delivery', { state: h.delivery }) : '',
    h.text ? el('div', { class: 'note' }, noteText(h)) : null));
  const text = el('textarea', { id: 'note-text', maxlength: 1000, rows: 2, placeholder: t('page.notePlaceholder') });
  const save = el('button', { id: 'note-save', type: 'button' }, t('page.addNote'));
  save.addEventListener('click', async () => {
    if (text.value.trim() === '') { text.focus(); return; }
    try {
      await api('POST', '/complaints/' + encodeURIComponent(ticket) + '/notes', { text: text.value });
      flash(t('page.noteSaved'), 'ok');
      await reload();
    } catch (e) { flash(e.message); }
  });
  return el('section', { id: 'complaint-history', class: 'card' }, el('h2', {}, t('page.history')),
    el('ol', { id: 'history', class: 'history' }, items),
    el('div', { class: 'row note-form' }, text, save));
}

/** The page's sections for one complaint: a node to place, and load() to (re)fill it. */
export function complaintPage(ticket) {
  const node = el('div', { class: 'complaint-page' });
  async function load() {
    const page = await api('GET', '/complaints/' + encodeURIComponent(ticket) + '/page');
    node.replaceChildren(photosSection(page), placeSection(page), historySection(page, ticket, load));
  }
  return { node, load };
}
