// The console shell: session, API calls with the CSRF token, hash routing, live updates (SSE).
// Every text from a resident goes into the page through textContent (see el()), never innerHTML.
import { queueView } from './queue.js';
import { conversationView } from './conversation.js';
import { complaintsView, complaintView } from './complaints.js';
import { dashboardView } from './dashboard.js';
import { trendsView } from './trends.js';
import { simulatorView } from './simulator.js';
import { accountsView, cannedView } from './accounts.js';
import { pricesView } from './prices.js';
import { alertsView } from './alerts.js';
import { searchView } from './search.js';
import { t, setLanguage, setZone, preferredLanguage, language, dateTime, serverError } from './i18n.js';

export const state = { me: null, demo: false, current: null, events: null };

/** Builds an element; string children become text nodes, so data can never become markup. */
export function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

export class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

export async function api(method, path, body) {
  const headers = { 'Accept': 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && state.me) headers['X-CSRF-Token'] = state.me.csrfToken;
  const res = await fetch('/api/console' + path, {
    method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let data = null;
  try { data = await res.json(); } catch (e) { data = null; }
  if (!res.ok) {
    if (res.status === 401 && path !== '/me' && path !== '/login') showLogin();
    throw new ApiError(res.status, serverError(data && data.error) || ('HTTP ' + res.status));
  }
  return data;
}

export function flash(message, kind) {
  const f = document.getElementById('flash');
  f.textContent = message;
  f.className = kind || 'error';
  f.hidden = false;
  clearTimeout(flash.timer);
  flash.timer = setTimeout(() => { f.hidden = true; }, 6000);
}

export function ago(ms, now) {
  const s = Math.max(0, Math.round(((now || Date.now()) - ms) / 1000));
  if (s < 60) return t('ago.seconds', { s });
  if (s < 3600) return t('ago.minutes', { m: Math.floor(s / 60), s: s % 60 });
  return t('ago.hours', { h: Math.floor(s / 3600), m: Math.floor((s % 3600) / 60) });
}

/** A date and time in the account's language and the region's zone. */
export function time(ms) {
  return dateTime(ms);
}

export function conversationPath(channel, address) {
  return '/conversations/' + encodeURIComponent(channel) + '/' + encodeURIComponent(address);
}

function showLogin() {
  state.me = null;
  mineBefore = null;
  if (state.events) { state.events.close(); state.events = null; }
  document.getElementById('nav').hidden = true;
  document.getElementById('search-form').hidden = true;
  document.getElementById('logout').hidden = true;
  document.getElementById('who').textContent = '';
  document.getElementById('view').replaceChildren();
  document.getElementById('login-view').hidden = false;
  // A shared desk: the next agent types their own name, not after the last one's.
  document.getElementById('username').value = '';
  document.getElementById('password').value = '';
  document.getElementById('demo-hint').hidden = !state.demo;
  document.getElementById('username').focus();
}

async function loggedIn(me) {
  state.me = me;
  state.demo = me.demo;
  setZone(me.zone);
  if (me.language && me.language !== language()) await setLanguage(me.language);
  document.getElementById('language').value = language();
  document.getElementById('login-view').hidden = true;
  document.getElementById('nav').hidden = false;
  document.getElementById('search-form').hidden = false;
  document.getElementById('logout').hidden = false;
  document.getElementById('nav-accounts').hidden = me.role !== 'admin';
  document.getElementById('nav-prices').hidden = me.role !== 'admin';
  document.getElementById('nav-alerts').hidden = me.role === 'agent';
  document.getElementById('who').textContent = me.username + ' (' + t('role.' + me.role) + ')';
  connectEvents();
  if (!location.hash || location.hash === '#/' || location.hash === '#') location.hash = '#/queue';
  else route();
}

function connectEvents() {
  if (state.events) return;
  const live = document.getElementById('live');
  const es = new EventSource('/api/console/events');
  state.events = es;
  es.addEventListener('hello', () => { live.classList.add('on'); });
  es.addEventListener('changed', (e) => {
    const keys = JSON.parse(e.data);
    if (state.current && state.current.onChanged) state.current.onChanged(keys);
    refreshCount();
  });
  es.onerror = () => { live.classList.remove('on'); };
}

/** Conversations this agent takes by hand: not announced as assigned to them. */
const takenByHand = new Set();
let mineBefore = null;

/** Before a manual take, so that only auto-assigned conversations are announced. */
export function takingByHand(key) {
  takenByHand.add(key);
}

export async function refreshCount() {
  if (!state.me) return;
  try {
    const q = await api('GET', '/queue');
    document.getElementById('queue-count').textContent =
      String(q.conversations.filter((c) => c.mode === 'queued').length);
    // Auto-assignment gives conversations without a click: say so, wherever the agent is.
    const mine = q.conversations.filter((c) => c.mode === 'agent' && c.agent === state.me.username);
    const arrived = mineBefore === null ? [] : mine.filter((c) => !mineBefore.has(c.key) && !takenByHand.has(c.key));
    mineBefore = new Set(mine.map((c) => c.key));
    if (arrived.length > 0) {
      const c = arrived[0];
      flash(t('queue.assignedToYou', { channel: c.channel.toUpperCase(), address: c.address }), 'ok');
    }
  } catch (e) { /* shown elsewhere */ }
}

const routes = [
  [/^#\/queue$/, () => queueView()],
  [/^#\/conversation\/([^/]+)\/(.+)$/, (m) => conversationView(decodeURIComponent(m[1]), decodeURIComponent(m[2]))],
  [/^#\/complaints(\?overdue)?$/, () => complaintsView()],
  [/^#\/complaint\/(.+)$/, (m) => complaintView(decodeURIComponent(m[1]))],
  [/^#\/dashboard$/, () => dashboardView()],
  [/^#\/dashboard\/trends$/, () => trendsView()],
  [/^#\/simulator$/, () => simulatorView()],
  [/^#\/accounts$/, () => accountsView()],
  [/^#\/canned$/, () => cannedView()],
  [/^#\/prices$/, () => pricesView()],
  [/^#\/alerts$/, () => alertsView()],
  [/^#\/search\/(.*)$/, (m) => searchView(decodeURIComponent(m[1]))],
];

async function route() {
  const hash = location.hash || '#/queue';
  const publicSimulator = hash === '#/simulator' && state.demo && !state.me;
  if (!state.me && !publicSimulator) { showLogin(); return; }
  if (publicSimulator) document.getElementById('login-view').hidden = true;
  // Accounts are for admins (the API refuses anyone else); an agent who follows an old link lands on the queue.
  if (hash === '#/accounts' && state.me && state.me.role !== 'admin') { location.hash = '#/queue'; return; }
  if (hash === '#/prices' && state.me && state.me.role !== 'admin') { location.hash = '#/queue'; return; }
  if (state.current && state.current.leave) state.current.leave();
  state.current = null;
  document.getElementById('flash').hidden = true;
  if (!hash.startsWith('#/search/')) document.getElementById('search-text').value = '';
  for (const a of document.querySelectorAll('#nav a')) {
    a.classList.toggle('active', hash.startsWith('#/' + a.dataset.view));
  }
  const view = document.getElementById('view');
  for (const [re, make] of routes) {
    const m = hash.match(re);
    if (m) {
      const v = make(m);
      state.current = v;
      view.replaceChildren(v.node);
      try { await v.load(); } catch (e) { flash(e.message); }
      refreshCount();
      return;
    }
  }
  location.hash = '#/queue';
}

/** The account's language, kept on the server; before login only this browser remembers it. */
async function chooseLanguage(l) {
  try {
    if (state.me) {
      await api('POST', '/me/language', { language: l });
      state.me.language = l;
    }
    await setLanguage(l);
    if (state.me) {
      document.getElementById('who').textContent = state.me.username + ' (' + t('role.' + state.me.role) + ')';
      await route();
    }
  } catch (e) { flash(e.message); }
}

async function start() {
  try { await setLanguage(preferredLanguage()); } catch (e) { /* the page still works, with keys for texts */ }
  document.getElementById('language').value = language();
  document.getElementById('language').addEventListener('change', (ev) => chooseLanguage(ev.target.value));
  document.getElementById('search-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const q = document.getElementById('search-text').value.trim();
    if (q) location.hash = '#/search/' + encodeURIComponent(q);
  });
  document.getElementById('login-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const err = document.getElementById('login-error');
    err.hidden = true;
    try {
      const me = await api('POST', '/login', {
        username: document.getElementById('username').value,
        password: document.getElementById('password').value,
      });
      document.getElementById('password').value = '';
      await loggedIn(me);
    } catch (e) {
      err.textContent = e.status === 401 ? t('login.wrong') : e.status === 429 ? t('login.tooMany') : e.message;
      err.hidden = false;
    }
  });
  document.getElementById('logout').addEventListener('click', async () => {
    try { await api('POST', '/logout', {}); } finally { showLogin(); }
  });
  window.addEventListener('hashchange', route);
  try {
    await loggedIn(await api('GET', '/me'));
  } catch (e) {
    state.demo = false;
    try {
      const r = await fetch('/api/console/me');
      state.demo = !!(await r.json()).demo;
    } catch (e2) { /* offline */ }
    if (location.hash === '#/simulator' && state.demo) route(); else showLogin();
  }
}

start();
