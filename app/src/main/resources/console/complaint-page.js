// The complaint page's photos, place and history (GET /complaints/{ticket}/page), below the
// complaint's facts and status change (complaints.js). Photos come from the console's own route,
// behind the session: Kanal fetched and keeps them, and a provider's URL never reaches the page.
import { api, el, flash, time } from './app.js';

// This page's words in both languages, kept here apart until they join the console's bundles
// (same keys in each; Indonesian is the default).
const TEXT = {
  id: {
    photos: 'Foto dari warga', noPhotos: 'Warga tidak mengirim foto.',
    photoAlt: 'Foto {n} dari warga', photoPending: 'Foto {n} sedang diambil dari penyedia (percobaan ke-{attempts}).',
    photoFailed: 'Foto {n} tidak dapat diambil: {error}',
    place: 'Tempat', typed: 'Alamat yang diketik', coordinates: 'Koordinat', noCoordinates: 'Warga tidak membagikan lokasi.',
    openMap: 'buka di OpenStreetMap', nearby: 'Pengaduan lain dalam 200 m', noNearby: 'Tidak ada pengaduan lain dalam 200 m.',
    meters: '{m} m', duplicateOf: 'duplikat dari {t}',
    history: 'Riwayat', kindStatus: 'Status', kindNote: 'Catatan', kindMessage: 'Pesan ke warga',
    via: 'lewat {channel}', delivery: 'pengiriman: {state}',
    notePlaceholder: 'Catatan untuk petugas (tidak dikirim ke warga)', addNote: 'Tambah catatan', noteSaved: 'Catatan disimpan',
    status: { RECEIVED: 'Diterima', ASSIGNED: 'Ditugaskan', IN_PROGRESS: 'Dikerjakan', RESOLVED: 'Selesai', REJECTED: 'Ditolak' },
  },
  en: {
    photos: 'Photos from the resident', noPhotos: 'The resident sent no photo.',
    photoAlt: 'Photo {n} from the resident', photoPending: 'Photo {n} is being fetched from the provider (attempt {attempts}).',
    photoFailed: 'Photo {n} could not be fetched: {error}',
    place: 'Place', typed: 'Address as typed', coordinates: 'Coordinates', noCoordinates: 'The resident shared no location.',
    openMap: 'open in OpenStreetMap', nearby: 'Other complaints within 200 m', noNearby: 'No other complaint within 200 m.',
    meters: '{m} m', duplicateOf: 'duplicate of {t}',
    history: 'History', kindStatus: 'Status', kindNote: 'Note', kindMessage: 'Message to the resident',
    via: 'on {channel}', delivery: 'delivery: {state}',
    notePlaceholder: 'Note for staff (never sent to the resident)', addNote: 'Add note', noteSaved: 'Note saved',
    status: { RECEIVED: 'Received', ASSIGNED: 'Assigned', IN_PROGRESS: 'In progress', RESOLVED: 'Resolved', REJECTED: 'Rejected' },
  },
};

function words() {
  return (document.documentElement.lang || 'id').startsWith('en') ? TEXT.en : TEXT.id;
}

function t(key, values) {
  return String(words()[key]).replace(/\{(\w+)\}/g, (_, k) => (values && k in values ? values[k] : ''));
}

function statusLabel(s) {
  return words().status[s] || s;
}

function photosSection(page) {
  const items = page.photos.map((p) => {
    const n = p.position + 1;
    if (p.state === 'STORED') {
      return el('figure', { class: 'photo' },
        el('a', { href: p.href, target: '_blank', rel: 'noopener' },
          el('img', { src: p.href, alt: t('photoAlt', { n }), class: 'complaint-photo', dataset: { position: p.position } })));
    }
    const text = p.state === 'PENDING' ? t('photoPending', { n, attempts: p.attempts + 1 }) : t('photoFailed', { n, error: p.error || '' });
    return el('p', { class: p.state === 'FAILED' ? 'photo-state error' : 'photo-state muted', dataset: { state: p.state } }, text);
  });
  return el('section', { id: 'complaint-photos', class: 'card' }, el('h2', {}, t('photos')),
    items.length ? el('div', { class: 'photos' }, items) : el('p', { class: 'muted' }, t('noPhotos')));
}

function placeSection(page) {
  const p = page.place;
  const coords = p.latitude === null || p.latitude === undefined
    ? el('dd', { id: 'place-coordinates', class: 'muted' }, t('noCoordinates'))
    : el('dd', { id: 'place-coordinates' }, p.latitude.toFixed(6) + ', ' + p.longitude.toFixed(6) + ' · ',
      el('a', { id: 'place-osm', href: p.osmUrl, target: '_blank', rel: 'noopener noreferrer' }, t('openMap')));
  const near = page.nearby.map((n) => el('li', { dataset: { ticket: n.ticket } },
    el('strong', { class: 'distance' }, t('meters', { m: n.meters })), ' ',
    el('a', { href: '#/complaint/' + encodeURIComponent(n.ticket) }, n.ticket), ' ',
    el('span', { class: 'status s-' + n.status }, statusLabel(n.status)), ' ', n.categoryName, ' · ', n.location,
    n.duplicateOf ? el('span', { class: 'muted' }, ' (' + t('duplicateOf', { t: n.duplicateOf }) + ')') : null));
  return el('section', { id: 'complaint-place', class: 'card' }, el('h2', {}, t('place')),
    el('dl', { class: 'facts' },
      el('dt', {}, t('typed')), el('dd', { id: 'place-typed' }, p.typed),
      el('dt', {}, t('coordinates')), coords),
    el('h3', {}, t('nearby')),
    near.length ? el('ol', { id: 'nearby', class: 'nearby' }, near) : el('p', { id: 'nearby-none', class: 'muted' }, t('noNearby')));
}

function historySection(page, ticket, reload) {
  const kinds = { status: t('kindStatus'), note: t('kindNote'), message: t('kindMessage') };
  const items = page.history.map((h) => el('li', { class: 'event ev-' + h.kind, dataset: { kind: h.kind } },
    el('span', { class: 'kind' }, kinds[h.kind] || h.kind), ' ',
    h.status ? el('span', { class: 'status s-' + h.status }, statusLabel(h.status)) : null, ' ',
    time(h.at), ' · ', h.by,
    h.channel ? ' · ' + t('via', { channel: h.channel }) : '',
    h.delivery ? ' · ' + t('delivery', { state: h.delivery }) : '',
    h.text ? el('div', { class: 'note' }, h.text) : null));
  const text = el('textarea', { id: 'note-text', maxlength: 1000, rows: 2, placeholder: t('notePlaceholder') });
  const save = el('button', { id: 'note-save', type: 'button' }, t('addNote'));
  save.addEventListener('click', async () => {
    if (text.value.trim() === '') { text.focus(); return; }
    try {
      await api('POST', '/complaints/' + encodeURIComponent(ticket) + '/notes', { text: text.value });
      flash(t('noteSaved'), 'ok');
      await reload();
    } catch (e) { flash(e.message); }
  });
  return el('section', { id: 'complaint-history', class: 'card' }, el('h2', {}, t('history')),
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
