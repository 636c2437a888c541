// A phone on any channel: messages go through the same engine as the real webhooks, and what
// Kanal sends later (agent replies, status news) arrives from the outbox.
import { api, el, flash, state } from './app.js';
import { smsInfo } from './gsm7.js';
import { t } from './i18n.js';

const NUMBERS = { sms: '+6281200000001', ussd: '+6281200000002', whatsapp: '+6281200000003', telegram: '100000001' };

export function simulatorView() {
  const channel = el('select', { id: 'sim-channel' }, ['sms', 'ussd', 'whatsapp', 'telegram'].map((c) => el('option', { value: c }, c.toUpperCase())));
  const from = el('input', { id: 'sim-from', value: NUMBERS.sms, size: 16 });
  const screen = el('ol', { id: 'sim-screen', class: 'screen sms' });
  const text = el('input', { id: 'sim-text', placeholder: t('sim.placeholder'), autocomplete: 'off' });
  const info = el('div', { class: 'counter', id: 'sim-info' });
  const send = el('button', { id: 'sim-send', type: 'submit' }, t('sim.send'));
  const form = el('form', { class: 'row' }, text, send);
  const node = el('div', { class: 'simulator' }, el('h1', {}, t('sim.title')),
    el('p', { class: 'muted' }, t('sim.help')),
    el('div', { class: 'row' }, channel, from),
    el('div', { class: 'phone' }, screen, form, info));
  let after = Date.now() - 1000;
  let poll = null;

  function bubble(kind, body, extra) {
    const li = el('li', { class: 'bubble ' + kind }, el('div', { class: 'body' }, body), extra || null);
    screen.append(li);
    screen.scrollTop = screen.scrollHeight;
  }

  function showReply(r) {
    const ch = channel.value;
    if (!r.text) { bubble('sys', t('sim.noReply')); return; }
    if (ch === 'ussd') {
      bubble('in ussd', (r.endSession ? 'END ' : 'CON ') + r.text, el('div', { class: 'meta' }, t('sim.ussdCount', { n: r.text.length })));
    } else if (ch === 'sms') {
      const i = smsInfo(r.text);
      bubble('in', r.text, el('div', { class: 'meta' }, t('sim.smsMeta', { encoding: i.encoding, segments: i.segments })));
    } else {
      const buttons = (r.options || []).map((o) => el('button', { type: 'button', class: 'option', onclick: () => say(o.key) }, o.key + ' ' + o.label));
      bubble('in', r.text, buttons.length ? el('div', { class: 'options' }, buttons) : null);
    }
  }

  async function say(t) {
    bubble('out', t);
    try {
      showReply(await api('POST', '/simulator', { channel: channel.value, from: from.value, text: t }));
    } catch (e) { flash(e.message); }
  }

  async function inbox() {
    const rows = await api('GET', '/simulator/inbox?channel=' + encodeURIComponent(channel.value)
      + '&from=' + encodeURIComponent(from.value) + '&after=' + after);
    for (const r of rows) {
      after = Math.max(after, r.at);
      bubble('in later', r.body, el('div', { class: 'meta' }, t('sim.later', { channel: r.channel.toUpperCase(), kind: r.kind })));
    }
  }

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const t = text.value;
    text.value = '';
    info.textContent = '';
    say(t);
  });
  text.addEventListener('input', () => {
    const i = smsInfo(text.value);
    info.textContent = channel.value === 'sms' ? t('sim.smsCount', { encoding: i.encoding, units: i.units, segments: i.segments }) : '';
  });
  channel.addEventListener('change', () => {
    from.value = NUMBERS[channel.value];
    screen.className = 'screen ' + channel.value;
    screen.replaceChildren();
  });

  async function load() {
    poll = setInterval(() => inbox().catch(() => {}), 2000);
    text.focus();
  }
  return { node, load, leave: () => clearInterval(poll), me: state.me };
}
