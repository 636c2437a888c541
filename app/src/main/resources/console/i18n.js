// The console's language: one bundle per language (i18n/<lang>.json, the same keys in each), and
// dates, numbers and Rupiah written the way that language writes them. Bahasa Indonesia unless
// the account chose English. Texts never become markup: callers put them in through textContent.
export const LANGUAGES = ['id', 'en'];
const LOCALES = { id: 'id-ID', en: 'en-GB' };
const STORED = 'kanal.language';

let lang = 'id';
let bundle = {};
let zone = 'Asia/Jakarta';

/** The language the page shows now ("id" or "en"). */
export function language() {
  return lang;
}

/** Before login: what this browser last used, else Indonesian. */
export function preferredLanguage() {
  try {
    const l = localStorage.getItem(STORED);
    if (LANGUAGES.includes(l)) return l;
  } catch (e) { /* storage off */ }
  return 'id';
}

/** Loads the bundle and re-labels the static page; remembered in this browser for the next login form. */
export async function setLanguage(l) {
  const want = LANGUAGES.includes(l) ? l : 'id';
  const res = await fetch('i18n/' + want + '.json', { credentials: 'same-origin' });
  if (!res.ok) throw new Error('language bundle ' + want + ': HTTP ' + res.status);
  bundle = await res.json();
  lang = want;
  document.documentElement.lang = want;
  try { localStorage.setItem(STORED, want); } catch (e) { /* storage off */ }
  label(document);
}

/** The region's time zone, for dates: a call centre reads its own clock, not the browser's. */
export function setZone(z) {
  if (z) zone = z;
}

/** The text for a key, {name} placeholders filled from vars; a missing key shows as the key (and the bundle test fails). */
export function t(key, vars) {
  const s = bundle[key];
  if (s === undefined) {
    console.warn('missing text ' + key + ' in ' + lang);
    return key;
  }
  return vars ? s.replace(/\{(\w+)\}/g, (m, k) => (vars[k] === undefined ? m : String(vars[k]))) : s;
}

/** One or many: key + ".one" or ".other" (Indonesian uses the same word; English does not). */
export function tn(key, n, vars) {
  return t(key + (n === 1 ? '.one' : '.other'), Object.assign({ n: number(n) }, vars || {}));
}

// The server answers errors in English (its API's language, and its logs'). The ones an agent meets
// on a shift are shown in the account's language; any other is shown as sent.
const SERVER_ERRORS = [
  [/^already taken by (.+)$/, 'error.takenBy', ['agent']],
  [/^this conversation is no longer waiting$/, 'error.notWaiting', []],
  [/^take the conversation before answering it$/, 'error.takeFirst', []],
  [/^this conversation belongs to (.+)$/, 'error.belongsTo', ['agent']],
  [/^the resident sent STOP/, 'error.optedOut', []],
  [/^the WhatsApp 24-hour window is closed/, 'error.windowClosed', []],
  [/^log in first$/, 'error.loginFirst', []],
  [/^missing or wrong CSRF token/, 'error.csrf', []],
  [/^the shortcut \/(.+) is taken$/, 'error.shortcutTaken', ['shortcut']],
  [/^a shortcut is 1-16/, 'error.shortcutBad', []],
  // Desks (issue 20): the 403s an agency or region account meets, and agency moves.
  [/^(\S+) is routed to (.+); your account works on the complaints of (.+) only$/, 'error.deskAgency', ['ticket', 'agency', 'own']],
  [/^(\S+) is not a complaint of region (\S+), where your account works$/, 'error.deskRegion', ['ticket', 'region']],
  [/^your account works on the complaints of (.+) only, not (.+)'s$/, 'error.deskList', ['own', 'asked']],
  [/^this conversation is region (\S+)'s; your account works in region (\S+)$/, 'error.deskConversation', ['region', 'own']],
  [/^alerts of region (\S+) are sent by its own staff; your account works in region (\S+)$/, 'error.alertRegion', ['region', 'own']],
  [/^alert \S+ is region (\S+)'s; your account works in region (\S+)$/, 'error.alertOther', ['region', 'own']],
  [/^moving a complaint to another agency is a supervisor's action$/, 'error.moveSupervisor', []],
  [/^moving a complaint to another agency needs a reason$/, 'error.moveReason', []],
  [/^(\S+): \w+ -> \w+ refused: a \w+ complaint is closed; reopen it before moving it/, 'error.moveClosed', ['ticket']],
  [/^(\S+) is already with (\S+)$/, 'error.moveSame', ['ticket', 'agency']],
  [/^only the agent who owns the conversation can hand it back$/, 'error.ownerHandBack', []],
  [/^only the agent who owns the conversation can transfer it$/, 'error.ownerTransfer', []],
  [/^this needs the (\w+) role$/, 'error.needsRole', ['role']],
  [/^no such complaint: (\S+)$/, 'error.noComplaint', ['ticket']],
  [/^no such conversation$/, 'error.noConversation', []],
  [/^no such agent: (.+)$/, 'error.noAgent', ['agent']],
  [/^it is already yours$/, 'error.alreadyYours', []],
  [/^at most (\d+) characters$/, 'error.tooLong', ['n']],
  [/^the note is longer than (\d+) characters$/, 'error.noteTooLong', ['n']],
  [/^you cannot delete your own account$/, 'error.selfDelete', []],
  [/^you cannot take the admin role from yourself$/, 'error.selfDemote', []],
  [/^(\S+): (\w+) -> (\w+) refused: the complaint changed meanwhile/, 'error.changedMeanwhile', ['ticket', 'from', 'to']],
  [/^(\S+): (\w+) -> (\w+) refused: (.+)$/, 'error.transition', ['ticket', 'from', 'to', 'reason']],
];

/** A server error message in the account's language when it is one of the known ones. */
export function serverError(message) {
  for (const [re, key, names] of SERVER_ERRORS) {
    const m = re.exec(message || '');
    if (!m) continue;
    const vars = {};
    names.forEach((n, i) => {
      const v = m[i + 1];
      vars[n] = (n === 'from' || n === 'to') ? t('status.' + v) : n === 'role' ? roleLabel(v) : n === 'n' ? number(Number(v)) : v;
    });
    return t(key, vars);
  }
  return message;
}

function roleLabel(role) {
  return ['agent', 'supervisor', 'admin'].includes(role) ? t('role.' + role) : role;
}

/**
 * Who made a change in a complaint's history, as the server records it ("agent:siti",
 * "resident:sms", "staff:<script>", "kanal:routing", "open311:<host>"), in the account's language.
 */
export function byLabel(by) {
  const i = (by || '').indexOf(':');
  const kind = i < 0 ? by : by.substring(0, i);
  const rest = i < 0 ? '' : by.substring(i + 1);
  switch (kind) {
    case 'agent': return t('by.agent', { agent: rest });
    case 'staff': return t('by.staff', { who: rest });
    case 'resident': return t('by.resident', { channel: rest });
    case 'open311': return t('by.open311', { host: rest });
    case 'bot': return t('conv.author.bot');
    case 'kanal':
      if (rest === 'routing') return t('by.routing');
      if (rest === 'duplicates') return t('by.duplicates');
      if (rest === 'photo-retention') return t('by.photoRetention');
      return t('by.kanal');
    default: return by;
  }
}

/** Static markup: data-i18n (text), data-i18n-placeholder, data-i18n-title. */
export function label(root) {
  for (const e of root.querySelectorAll('[data-i18n]')) e.textContent = t(e.dataset.i18n);
  for (const e of root.querySelectorAll('[data-i18n-placeholder]')) e.placeholder = t(e.dataset.i18nPlaceholder);
  for (const e of root.querySelectorAll('[data-i18n-title]')) e.title = t(e.dataset.i18nTitle);
}

function locale() {
  return LOCALES[lang];
}

/** A date and time: "4 Des 2026, 14.05" in Indonesian, "4 Dec 2026, 14:05" in English. */
export function dateTime(ms) {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(new Date(ms));
}

/** A day: "4 Des 2026". */
export function date(ms) {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: zone }).format(new Date(ms));
}

/** A day without its year, for columns of weeks: "30 Nov". */
export function dayMonth(ms) {
  return new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'short', timeZone: zone }).format(new Date(ms));
}

/** A time of day: "14.05.09" in Indonesian. */
export function clockTime(ms) {
  return new Intl.DateTimeFormat(locale(), { timeStyle: 'medium', timeZone: zone }).format(new Date(ms));
}

/** A number: "1.234" and "5,1" in Indonesian. */
export function number(n, fractionDigits) {
  const d = fractionDigits === undefined ? undefined : fractionDigits;
  return new Intl.NumberFormat(locale(), { minimumFractionDigits: d, maximumFractionDigits: d === undefined ? 3 : d })
    .format(n);
}

/** Rupiah without cents, as prices are quoted: "Rp 15.900". */
export function rupiah(n) {
  return new Intl.NumberFormat(locale(), { style: 'currency', currency: 'IDR', maximumFractionDigits: 0, minimumFractionDigits: 0 })
    .format(n).replace(/\u00a0/g, ' ');
}
