// SMS encoding and segments, computed exactly as id.kanal.dialog.Gsm7 does on the server.
const BASIC = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?'
  + '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const EXTENDED = '^{}\\[~]|€\f';

export function isGsm7(text) {
  for (const c of text) {
    if (c.length > 1) return false;
    if (BASIC.indexOf(c) < 0 && EXTENDED.indexOf(c) < 0) return false;
  }
  return true;
}

export function septets(text) {
  let n = 0;
  for (let i = 0; i < text.length; i++) n += EXTENDED.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
  return n;
}

/** { encoding, units, segments, perSegment } for an SMS text. */
export function smsInfo(text) {
  if (isGsm7(text)) {
    const s = septets(text);
    const segments = text.length === 0 ? 1 : (s <= 160 ? 1 : Math.floor((s + 152) / 153));
    return { encoding: 'GSM-7', units: s, segments, perSegment: segments === 1 ? 160 : 153 };
  }
  // UCS-2 counts UTF-16 code units, as Java's String.length() does.
  const u = text.length;
  const segments = u <= 70 ? 1 : Math.floor((u + 66) / 67);
  return { encoding: 'UCS-2', units: u, segments, perSegment: segments === 1 ? 70 : 67 };
}
