// One conversation: the transcript, the resident's complaints, and the reply box with the channel's limits.
import { api, el, flash, time, ago, conversationPath, state, takingByHand } from './app.js';
import { smsInfo } from './gsm7.js';
import { t, tn } from './i18n.js';

/** The canned replies whose shortcut (or title) starts with what follows the "/", shortcuts first. */
export function cannedMatches(choices, typed) {
  const q = typed.toLowerCase();
  const byShortcut = choices.filter((c) => c.shortcut && c.shortcut.toLowerCase().startsWith(q));
  const byTitle = choices.filter((c) => !byShortcut.includes(c) && c.title.toLowerCase().includes(q));
  return byShortcut.concat(byTitle);
}

/** The notes the server writes itself (stored in English, as before) in the account's language. */
function systemNote(body) {
  if (body === 'took the conversation') return t('conv.sys.took');
  if (body === 'was assigned the conversation automatically') return t('conv.sys.autoAssigned');
  if (body === 'handed back to the bot') return t('conv.sys.handedBack');
  const m = /^transferred to (.+)$/.exec(body);
  return m ? t('conv.sys.transferred', { agent: m[1] }) : body;
}

export function conversationView(channel, address) {
  const path = conversationPath(channel, address);
  const key = channel + '/' + address;
  const head = el('div', { class: 'conv-head' });
  const transcript = el('ol', { id: 'transcript', class: 'transcript' });
  const complaints = el('ul', { id: 'resident-complaints', class: 'plain' });
  const actions = el('div', { class: 'actions' });
  const node = el('div', { class: 'conversation' },
    el('div', { class: 'conv-main' }, head, transcript, actions),
    el('aside', { class: 'conv-side card' }, el('h2', {}, t('conv.complaints')), complaints));
  let data = null;
  let agents = [];
  let draft = '';
  let renderedShape = null;

  function line(l) {
    const agent = l.author.replace(/^agent:/, '');
    const who = l.direction === 'note' ? t('conv.noteBy', { agent })
      : l.author === 'resident' ? t('conv.author.resident') : l.author === 'bot' ? t('conv.author.bot')
        : l.author.startsWith('agent:') ? t('conv.author.agent', { agent }) : l.author;
    return el('li', { class: 'line ' + l.direction + (l.author.startsWith('agent:') ? ' agent' : '') },
      el('div', { class: 'meta' }, who + ' · ' + time(l.at)),
      el('div', { class: 'body' }, l.direction === 'note' ? systemNote(l.body) : l.body));
  }

  function limitsText(text) {
    const lim = data.limits;
    if (lim.replyChannel === 'whatsapp') {
      return lim.whatsappWindowOpen
        ? t('conv.whatsapp.open', { left: ago(data.now, lim.whatsappWindowClosesAt) })
        : (lim.whatsappWindowClosesAt ? t('conv.whatsapp.closedAgo', { ago: ago(lim.whatsappWindowClosesAt, data.now) })
          : t('conv.whatsapp.closed')) + ' ' + t('conv.whatsapp.templateOnly');
    }
    if (lim.replyChannel === 'telegram') return t('conv.telegram.count', { n: text.length });
    const i = smsInfo(text);
    const via = channel === 'ussd' ? t('conv.ussdBySms') + ' ' : '';
    return via + t('conv.sms.count', { encoding: i.encoding, units: i.units }) + ' ' + tn('conv.sms.segments', i.segments)
      + (i.encoding === 'UCS-2' ? ' ' + t('conv.sms.ucs2') : '');
  }

  function replyBox() {
    const lim = data.limits;
    const windowClosed = lim.replyChannel === 'whatsapp' && !lim.whatsappWindowOpen;
    const canned = data.canned || [];
    const templates = canned.filter((c) => c.template);
    const choices = windowClosed ? templates : canned;
    const text = el('textarea', { id: 'reply-text', rows: 3, maxlength: 4096,
      placeholder: windowClosed ? t('conv.reply.placeholderTemplate') : t('conv.reply.placeholder') });
    // Outside the window WhatsApp delivers only approved templates, exactly as approved: no free text.
    text.readOnly = windowClosed;
    text.value = windowClosed ? '' : draft;
    const counter = el('div', { id: 'reply-counter', class: 'counter' });
    const pick = el('select', { id: 'canned-select' }, el('option', { value: '' }, windowClosed ? t('conv.canned.chooseTemplate') : t('conv.canned.choose')),
      choices.map((c) => el('option', { value: c.id }, c.shortcut ? c.title + ' (/' + c.shortcut + ')' : c.title)));
    const suggestions = el('ul', { id: 'canned-suggestions', class: 'suggestions', hidden: true });
    const send = el('button', { id: 'reply-send', type: 'button' }, t('conv.reply.send'));
    const update = () => {
      if (!windowClosed) draft = text.value;
      counter.textContent = limitsText(text.value);
      counter.classList.toggle('warn', windowClosed
        || (lim.replyChannel !== 'whatsapp' && lim.replyChannel !== 'telegram' && smsInfo(text.value).segments > 2));
      send.disabled = windowClosed ? !pick.value : !text.value.trim();
    };
    // "/" and a few letters of a shortcut, then Tab or Enter: the canned reply, its variables filled in.
    const typedShortcut = () => { const m = /^\/(\S*)$/.exec(text.value); return m ? m[1] : null; };
    const suggest = () => {
      const typed = typedShortcut();
      const found = typed === null ? [] : cannedMatches(choices, typed).slice(0, 6);
      suggestions.hidden = found.length === 0;
      suggestions.replaceChildren(...found.map((c, n) => el('li', { class: n === 0 ? 'first' : '', dataset: { id: c.id } },
        c.shortcut ? el('kbd', {}, '/' + c.shortcut) : null, ' ', c.title, ' · ', el('span', { class: 'muted' }, c.text))));
      return found;
    };
    const use = (c) => {
      pick.value = c.id;
      text.value = c.text;
      suggestions.hidden = true;
      update();
    };
    text.addEventListener('input', () => { suggest(); update(); });
    pick.addEventListener('change', () => {
      const c = canned.find((x) => x.id === pick.value);
      if (c) text.value = c.text;
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
        flash(t('conv.reply.queued', { channel: lim.replyChannel.toUpperCase() }), 'ok');
        await load();
      } catch (e) { flash(e.message); update(); }
    });
    text.addEventListener('keydown', (ev) => {
      if ((ev.key === 'Tab' || ev.key === 'Enter') && !ev.ctrlKey && !ev.metaKey && typedShortcut() !== null) {
        const found = suggest();
        if (found.length > 0) { ev.preventDefault(); use(found[0]); return; }
      }
      // Ctrl+Enter sends: a busy agent keeps their hands on the keyboard.
      if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey) && !send.disabled) { ev.preventDefault(); send.click(); }
    });
    update();
    const warn = lim.optedOut ? el('p', { class: 'error' }, t('conv.optedOut'))
      : windowClosed && templates.length === 0
        ? el('p', { class: 'error', id: 'no-templates' }, t('conv.noTemplates'))
        : null;
    return el('div', { class: 'reply card' }, warn, pick, text, suggestions,
      el('div', { class: 'row' }, counter, el('span', { class: 'muted hint' }, choices.length ? t('conv.canned.hint') : ''), send));
  }

  function ownerActions() {
    const note = el('input', { id: 'note-text', placeholder: t('conv.note.placeholder') });
    const to = el('select', { id: 'transfer-to' }, el('option', { value: '' }, t('conv.transfer.to')),
      agents.filter((a) => a !== state.me.username).map((a) => el('option', { value: a }, a)));
    return el('div', { class: 'row tools' },
      note,
      el('button', { id: 'note-send', type: 'button', onclick: async () => {
        if (!note.value.trim()) return;
        try { await api('POST', path + '/note', { text: note.value }); note.value = ''; await load(); } catch (e) { flash(e.message); }
      } }, t('conv.note.add')),
      to,
      el('button', { id: 'transfer', type: 'button', onclick: async () => {
        if (!to.value) return;
        try { await api('POST', path + '/transfer', { to: to.value }); flash(t('conv.transfer.done', { agent: to.value }), 'ok'); await load(); } catch (e) { flash(e.message); }
      } }, t('conv.transfer')),
      el('button', { id: 'handback', class: 'secondary', type: 'button', onclick: async () => {
        try { await api('POST', path + '/handback', {}); flash(t('conv.handback.done'), 'ok'); location.hash = '#/queue'; } catch (e) { flash(e.message); }
      } }, t('conv.handback')));
  }

  function render() {
    const c = data.conversation;
    head.replaceChildren(
      el('h1', {}, el('span', { class: 'chan chan-' + c.channel }, c.channel), ' ', el('span', { id: 'conv-address' }, c.address)),
      el('p', { class: 'muted', id: 'conv-status' }, c.mode === 'queued' ? t('conv.status.queued', { since: time(c.since) })
        : c.mode === 'agent' ? t('conv.status.agent', { agent: c.agent, since: time(c.since) }) : t('conv.status.bot'),
        ' · ' + t('conv.language', { language: c.language === 'en' || c.language === 'id' ? t('lang.' + c.language) : c.language })));
    transcript.replaceChildren(...data.transcript.map(line));
    transcript.scrollTop = transcript.scrollHeight;
    complaints.replaceChildren(...(data.complaints.length ? data.complaints.map((k) => el('li', {},
      el('a', { href: '#/complaint/' + encodeURIComponent(k.ticket) }, k.ticket), ' ', el('span', { class: 'status s-' + k.status }, t('status.' + k.status)),
      el('div', { class: 'muted' }, k.categoryName + ' · ' + k.location))) : [el('li', { class: 'muted' }, t('conv.complaints.none'))]));
    // Keep the reply box (and the agent's focus and cursor) when only the transcript changed.
    const shape = [data.mine, c.mode, c.agent, data.limits.whatsappWindowOpen, data.limits.optedOut].join('|');
    if (shape === renderedShape) return;
    renderedShape = shape;
    if (data.mine) {
      actions.replaceChildren(replyBox(), ownerActions());
    } else if (c.mode === 'queued') {
      actions.replaceChildren(el('button', { id: 'take', type: 'button', onclick: async () => {
        takingByHand(key);
        try { await api('POST', path + '/take', {}); await load(); } catch (e) { flash(e.message); }
      } }, t('conv.take')));
    } else {
      const note = el('input', { id: 'note-text', placeholder: t('conv.note.placeholder') });
      actions.replaceChildren(el('p', { class: 'muted' }, c.mode === 'agent' ? t('conv.ownedBy', { agent: c.agent }) : t('conv.botAnswering')),
        el('div', { class: 'row tools' }, note, el('button', { id: 'note-send', type: 'button', onclick: async () => {
          try { await api('POST', path + '/note', { text: note.value }); await load(); } catch (e) { flash(e.message); }
        } }, t('conv.note.add'))));
    }
  }

  async function load() {
    const [d, ag] = await Promise.all([api('GET', path), api('GET', '/agents')]);
    data = d; agents = ag;
    render();
  }

  return {
    node, load,
    onChanged: (keys) => { if (keys.includes(key) || keys.includes('*')) load().catch((e) => flash(e.message)); },
  };
}
