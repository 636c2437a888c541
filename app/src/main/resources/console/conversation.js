// One conversation: the transcript, the resident's complaints, and the reply box with the channel's limits.
import { api, el, flash, time, ago, conversationPath, state } from './app.js';
import { smsInfo } from './gsm7.js';

const AUTHORS = { resident: 'Resident', bot: 'Kanal bot' };

export function conversationView(channel, address) {
  const path = conversationPath(channel, address);
  const key = channel + '/' + address;
  const head = el('div', { class: 'conv-head' });
  const transcript = el('ol', { id: 'transcript', class: 'transcript' });
  const complaints = el('ul', { id: 'resident-complaints', class: 'plain' });
  const actions = el('div', { class: 'actions' });
  const node = el('div', { class: 'conversation' },
    el('div', { class: 'conv-main' }, head, transcript, actions),
    el('aside', { class: 'conv-side card' }, el('h2', {}, 'Complaints'), complaints));
  let data = null;
  let canned = [];
  let agents = [];
  let draft = '';
  let renderedShape = null;

  function line(l) {
    const who = l.direction === 'note' ? 'Note by ' + l.author.replace(/^agent:/, '')
      : (AUTHORS[l.author] || l.author.replace(/^agent:/, 'Agent '));
    return el('li', { class: 'line ' + l.direction + (l.author.startsWith('agent:') ? ' agent' : '') },
      el('div', { class: 'meta' }, who + ' · ' + time(l.at)),
      el('div', { class: 'body' }, l.body));
  }

  function limitsText(text) {
    const lim = data.limits;
    if (lim.replyChannel === 'whatsapp') {
      return lim.whatsappWindowOpen
        ? 'WhatsApp: 24-hour window open (closes in ' + ago(data.now, lim.whatsappWindowClosesAt) + ')'
        : 'WhatsApp: 24-hour window closed' + (lim.whatsappWindowClosesAt ? ' ' + ago(lim.whatsappWindowClosesAt, data.now) + ' ago' : '')
          + '. Only an approved template can be sent.';
    }
    if (lim.replyChannel === 'telegram') return 'Telegram: ' + text.length + ' / 4096 characters';
    const i = smsInfo(text);
    const via = channel === 'ussd' ? 'USSD session is over: this reply goes by SMS. ' : '';
    return via + 'SMS ' + i.encoding + ': ' + i.units + ' characters, ' + i.segments + ' segment' + (i.segments === 1 ? '' : 's')
      + (i.encoding === 'UCS-2' ? ' (a character outside GSM-7 makes every segment 70 characters)' : '');
  }

  function replyBox() {
    const lim = data.limits;
    const windowClosed = lim.replyChannel === 'whatsapp' && !lim.whatsappWindowOpen;
    const templates = canned.filter((c) => c.template);
    const choices = windowClosed ? templates : canned;
    const text = el('textarea', { id: 'reply-text', rows: 3, maxlength: 4096,
      placeholder: windowClosed ? 'Choose an approved template above' : 'Reply to the resident' });
    // Outside the window WhatsApp delivers only approved templates, exactly as approved: no free text.
    text.readOnly = windowClosed;
    text.value = windowClosed ? '' : draft;
    const counter = el('div', { id: 'reply-counter', class: 'counter' });
    const pick = el('select', { id: 'canned-select' }, el('option', { value: '' }, windowClosed ? 'Choose a template…' : 'Canned reply…'),
      choices.map((c) => el('option', { value: c.id }, c.title)));
    const send = el('button', { id: 'reply-send', type: 'button' }, 'Send');
    const update = () => {
      if (!windowClosed) draft = text.value;
      counter.textContent = limitsText(text.value);
      counter.classList.toggle('warn', windowClosed
        || (lim.replyChannel !== 'whatsapp' && lim.replyChannel !== 'telegram' && smsInfo(text.value).segments > 2));
      send.disabled = windowClosed ? !pick.value : !text.value.trim();
    };
    text.addEventListener('input', update);
    pick.addEventListener('change', () => {
      const c = canned.find((x) => x.id === pick.value);
      if (c) text.value = c.body;
      else if (windowClosed) text.value = '';
      update();
      if (!windowClosed) text.focus();
    });
    send.addEventListener('click', async () => {
      const c = canned.find((x) => x.id === pick.value);
      const body = { text: text.value };
      if (windowClosed && c && c.template) body.template = c.template;
      send.disabled = true;
      try {
        await api('POST', path + '/reply', body);
        draft = '';
        renderedShape = null;
        flash('Reply queued for ' + lim.replyChannel.toUpperCase(), 'ok');
        await load();
      } catch (e) { flash(e.message); update(); }
    });
    text.addEventListener('keydown', (ev) => {
      // Ctrl+Enter sends: a busy agent keeps their hands on the keyboard.
      if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey) && !send.disabled) { ev.preventDefault(); send.click(); }
    });
    update();
    const warn = lim.optedOut ? el('p', { class: 'error' }, 'This resident sent STOP: Kanal may not message them.')
      : windowClosed && templates.length === 0
        ? el('p', { class: 'error', id: 'no-templates' }, 'No approved WhatsApp template yet: a supervisor adds one under Canned replies.')
        : null;
    return el('div', { class: 'reply card' }, warn, pick, text, el('div', { class: 'row' }, counter, send));
  }

  function ownerActions() {
    const note = el('input', { id: 'note-text', placeholder: 'Internal note (not sent)' });
    const to = el('select', { id: 'transfer-to' }, el('option', { value: '' }, 'Transfer to…'),
      agents.filter((a) => a !== state.me.username).map((a) => el('option', { value: a }, a)));
    return el('div', { class: 'row tools' },
      note,
      el('button', { id: 'note-send', type: 'button', onclick: async () => {
        if (!note.value.trim()) return;
        try { await api('POST', path + '/note', { text: note.value }); note.value = ''; await load(); } catch (e) { flash(e.message); }
      } }, 'Add note'),
      to,
      el('button', { id: 'transfer', type: 'button', onclick: async () => {
        if (!to.value) return;
        try { await api('POST', path + '/transfer', { to: to.value }); flash('Transferred to ' + to.value, 'ok'); await load(); } catch (e) { flash(e.message); }
      } }, 'Transfer'),
      el('button', { id: 'handback', class: 'secondary', type: 'button', onclick: async () => {
        try { await api('POST', path + '/handback', {}); flash('Handed back to the bot', 'ok'); location.hash = '#/queue'; } catch (e) { flash(e.message); }
      } }, 'Hand back to bot'));
  }

  function render() {
    const c = data.conversation;
    head.replaceChildren(
      el('h1', {}, el('span', { class: 'chan chan-' + c.channel }, c.channel), ' ', el('span', { id: 'conv-address' }, c.address)),
      el('p', { class: 'muted', id: 'conv-status' }, c.mode === 'queued' ? 'Waiting for an agent since ' + time(c.since)
        : c.mode === 'agent' ? 'With ' + c.agent + ' since ' + time(c.since) : 'With the bot', ' · language ' + c.language));
    transcript.replaceChildren(...data.transcript.map(line));
    transcript.scrollTop = transcript.scrollHeight;
    complaints.replaceChildren(...(data.complaints.length ? data.complaints.map((k) => el('li', {},
      el('a', { href: '#/complaint/' + encodeURIComponent(k.ticket) }, k.ticket), ' ', el('span', { class: 'status s-' + k.status }, k.status),
      el('div', { class: 'muted' }, k.categoryName + ' · ' + k.location))) : [el('li', { class: 'muted' }, 'None')]));
    // Keep the reply box (and the agent's focus and cursor) when only the transcript changed.
    const shape = [data.mine, c.mode, c.agent, data.limits.whatsappWindowOpen, data.limits.optedOut].join('|');
    if (shape === renderedShape) return;
    renderedShape = shape;
    if (data.mine) {
      actions.replaceChildren(replyBox(), ownerActions());
    } else if (c.mode === 'queued') {
      actions.replaceChildren(el('button', { id: 'take', type: 'button', onclick: async () => {
        try { await api('POST', path + '/take', {}); await load(); } catch (e) { flash(e.message); }
      } }, 'Take this conversation'));
    } else {
      const note = el('input', { id: 'note-text', placeholder: 'Internal note (not sent)' });
      actions.replaceChildren(el('p', { class: 'muted' }, c.mode === 'agent' ? 'Owned by ' + c.agent + ': only they can answer.' : 'The bot is answering.'),
        el('div', { class: 'row tools' }, note, el('button', { id: 'note-send', type: 'button', onclick: async () => {
          try { await api('POST', path + '/note', { text: note.value }); await load(); } catch (e) { flash(e.message); }
        } }, 'Add note')));
    }
  }

  async function load() {
    const [d, cn, ag] = await Promise.all([api('GET', path), api('GET', '/canned'), api('GET', '/agents')]);
    data = d; canned = cn; agents = ag;
    render();
  }

  return {
    node, load,
    onChanged: (keys) => { if (keys.includes(key) || keys.includes('*')) load().catch((e) => flash(e.message)); },
  };
}
