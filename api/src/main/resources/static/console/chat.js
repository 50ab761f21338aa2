// Chat: the conversation list, the composer, streamed answers rendered as Markdown with
// citation chips. A session's token is kept in memory only; after a reload the API key
// asks for a new one (POST /api/v1/sessions/{id}/token). Only the open conversation's id
// (no secret) is kept in sessionStorage, so that a reload reopens it.
import { $, api, el, guarded, kbName, problem, showError, state } from './core.js';
import { markdown, placeChips } from './markdown.js';
import { openCitation } from './viewer.js';

const OPEN = 'ragchat.conversation';
const chat = { session: null, personas: [], streaming: null };

const sessionHeaders = () => ({ Authorization: `Bearer ${chat.session.token}` });
const sessionPath = () => `/api/v1/sessions/${encodeURIComponent(chat.session.sessionId)}`;

export async function chatShown() {
	await loadPersonas();
	await loadConversations();
	const open = sessionStorage.getItem(OPEN);
	if (!chat.session && open) await guarded(() => resume(open));
	$('question').focus();
}

export function forgetChat() {
	if (chat.streaming) chat.streaming.abort();
	chat.session = null;
	sessionStorage.removeItem(OPEN);
	$('messages').replaceChildren();
	$('conversation-rows').replaceChildren();
	setUp();
}

// ---- conversations ----

export async function loadConversations() {
	await guarded(async () => {
		const { sessions } = await api('/api/v1/sessions?limit=50');
		$('conversation-rows').replaceChildren(...sessions.map(conversationRow));
	});
}

function conversationRow(s) {
	const title = s.title || (s.lastMessage ? s.lastMessage.preview.replace(/^Extract from the documents:\s*/, '') : 'No questions yet');
	const active = !s.endedAt && Date.parse(s.expiresAt) > Date.now();
	const current = chat.session && chat.session.sessionId === s.sessionId;
	return el('li', { class: `conversation${current ? ' current' : ''}`, 'data-session': s.sessionId },
		el('button', {
			type: 'button', class: 'open-conversation', disabled: !active,
			'aria-current': current ? 'true' : null,
			title: active ? 'Open this conversation' : 'This conversation has expired',
			onclick: () => guarded(() => resume(s.sessionId)) },
		el('span', { class: 'conversation-title', text: title }),
		el('span', { class: 'conversation-meta', text: `${kbName(s.knowledgeBase)} · ${new Date(s.updatedAt || s.createdAt).toLocaleString()}` })),
		el('button', { type: 'button', class: 'quiet rename-conversation', text: '✎', 'aria-label': `Rename the conversation “${title}”`,
			onclick: () => renameConversation(s, title) }),
		el('button', { type: 'button', class: 'quiet delete-conversation', text: '×', 'aria-label': `Delete the conversation “${title}”`,
			onclick: () => deleteConversation(s) }));
}

async function resume(sessionId) {
	try {
		const started = await api(`/api/v1/sessions/${encodeURIComponent(sessionId)}/token`, { method: 'POST' });
		chat.session = { sessionId, token: started.token };
		const view = await api(sessionPath(), { auth: sessionHeaders() });
		Object.assign(chat.session, { knowledgeBase: view.knowledgeBase, configId: view.configId });
		sessionStorage.setItem(OPEN, sessionId);
		setUp();
		await loadHistory();
		await loadConversations();
	} catch (error) {
		sessionStorage.removeItem(OPEN);
		chat.session = null;
		setUp();
		throw error;
	}
}

async function renameConversation(s, current) {
	const title = prompt('Name this conversation', s.title || current);
	if (title === null) return;
	await guarded(async () => {
		await api(`/api/v1/sessions/${encodeURIComponent(s.sessionId)}/title`, { method: 'PUT', json: { title } });
		await loadConversations();
	});
}

async function deleteConversation(s) {
	if (!confirm('Delete this conversation and its history?')) return;
	await guarded(async () => {
		await api(`/api/v1/sessions/${encodeURIComponent(s.sessionId)}`, { method: 'DELETE' });
		if (chat.session && chat.session.sessionId === s.sessionId) newChat();
		await loadConversations();
	});
}

export function newChat() {
	if (chat.streaming) chat.streaming.abort();
	chat.session = null;
	sessionStorage.removeItem(OPEN);
	$('messages').replaceChildren();
	setUp();
	loadConversations();
	$('question').focus();
}

/**
 * The knowledge base and persona pickers: free for a new chat, fixed (and showing the
 * truth) while a conversation is open, since a session asks one knowledge base.
 */
export function setUp() {
	const kb = $('chat-kb');
	const persona = $('chat-persona');
	if (chat.session) {
		if (![...kb.options].some((o) => o.value === chat.session.knowledgeBase)) {
			kb.append(el('option', { value: chat.session.knowledgeBase, text: kbName(chat.session.knowledgeBase) }));
		}
		kb.value = chat.session.knowledgeBase;
		persona.value = chat.session.configId || '';
		kb.disabled = true;
		persona.disabled = true;
		const config = chat.personas.find((p) => p.id === chat.session.configId);
		$('session-info').textContent = `Conversation on ${kbName(chat.session.knowledgeBase)}`
			+ (config ? ` with ${config.title}` : '') + ' — “New chat” to ask another knowledge base';
	} else {
		kb.disabled = false;
		persona.disabled = false;
		$('session-info').textContent = kb.value ? `New chat on ${kbName(kb.value)}` : 'No knowledge base to ask yet';
	}
	describePersona();
}

// ---- personas ----

async function loadPersonas() {
	await guarded(async () => {
		const { chatConfigs } = await api('/api/v1/chat-configs?limit=100');
		chat.personas = chatConfigs;
		const select = $('chat-persona');
		const chosen = select.value;
		select.replaceChildren(el('option', { value: '', text: 'None (plain answers)' }),
			...chatConfigs.map((p) => el('option', { value: p.id, text: p.editable === false ? `${p.title} (locked)` : p.title })));
		select.value = chosen;
		setUp();
	});
}

/** The persona form, empty for a new one or filled with the chosen one (its creator's). */
export function editPersona(existing) {
	const form = $('persona-form');
	form.reset();
	const config = existing ? chat.personas.find((p) => p.id === $('chat-persona').value) : null;
	form.dataset.id = config ? config.id : '';
	$('persona-dialog-title').textContent = config ? `Edit ${config.title}` : 'New persona';
	const kb = $('persona-kb');
	kb.replaceChildren(...state.knowledgeBases.map((k) => el('option', { value: k.id, text: k.name })));
	kb.value = config ? config.knowledgeBase : $('chat-kb').value;
	if (config) {
		form.title.value = config.title;
		form.description.value = config.description || '';
		form.systemPrompt.value = config.systemPrompt || '';
		form.model.value = config.model || '';
		form.temperature.value = config.temperature ?? '';
		form.topK.value = config.topK ?? '';
		form.locked.checked = config.editable === false;
	}
	$('persona-dialog').showModal();
	form.title.focus();
}

export async function savePersona(event) {
	event.preventDefault();
	const form = event.target;
	const number = (v) => (v === '' ? null : Number(v));
	const body = {
		title: form.title.value, description: form.description.value || null, knowledgeBase: form.knowledgeBase.value,
		systemPrompt: form.systemPrompt.value || null, model: form.model.value || null,
		temperature: number(form.temperature.value), topK: number(form.topK.value), editable: !form.locked.checked };
	await guarded(async () => {
		const id = form.dataset.id;
		const saved = id
			? await api(`/api/v1/chat-configs/${encodeURIComponent(id)}`, { method: 'PUT', json: body })
			: await api('/api/v1/chat-configs', { method: 'POST', json: body });
		$('persona-dialog').close();
		await loadPersonas();
		if (!chat.session) {
			$('chat-persona').value = saved.id;
			setUp();
		}
	});
}

function describePersona() {
	const config = chat.personas.find((p) => p.id === $('chat-persona').value);
	// only its creator sees ownerKey, and only its creator may change it
	$('persona-edit').hidden = !config || !config.ownerKey || chat.session !== null;
	$('persona-new').hidden = chat.session !== null;
	const info = $('persona-info');
	info.hidden = !config;
	info.replaceChildren();
	if (!config) return;
	const initials = config.title.split(/\s+/).map((w) => w[0]).join('').slice(0, 2).toUpperCase();
	info.append(el('span', { class: 'avatar', 'aria-hidden': 'true', text: initials }), ' ',
		el('strong', { text: config.title }), config.description ? ` — ${config.description}` : '',
		config.editable === false ? ' (locked: its knowledge base and settings are fixed)' : '');
	if (!chat.session) {
		$('chat-kb').value = config.knowledgeBase;
		$('chat-kb').disabled = config.editable === false;
	}
}

// ---- messages ----

async function loadHistory() {
	const { messages } = await api(`${sessionPath()}/messages?limit=100`, { auth: sessionHeaders() });
	$('messages').replaceChildren();
	let question = null;
	for (const m of messages) {
		const item = messageItem(m.role);
		if (m.role === 'user') {
			question = m.answer;
			renderQuestion(item, m.answer);
		} else {
			renderAnswer(item, m.answer, m.citations || [], m.grounded, question, m.id);
			item.dataset.done = 'true';
		}
	}
	scrollDown();
}

function messageItem(role) {
	const item = el('li', { class: `message ${role}` },
		el('span', { class: 'role', text: role === 'user' ? 'You' : 'ragchat' }), el('div', { class: 'text' }));
	$('messages').append(item);
	return item;
}

function renderQuestion(item, text) {
	item.querySelector('.text').textContent = text;
	item.append(el('div', { class: 'message-actions' },
		el('button', { type: 'button', class: 'quiet edit', text: 'Edit', 'aria-label': 'Edit and resend this question',
			onclick: () => { const q = $('question'); q.value = text; count(); q.focus(); } })));
}

function renderAnswer(item, text, citations, grounded, question, messageId) {
	const box = item.querySelector('.text');
	const byIndex = new Map(citations.map((c) => [c.index, c]));
	const seen = new Set();
	const fragment = placeChips(markdown(text), (index, sentence, marker) => {
		const citation = byIndex.get(index);
		if (!citation) return document.createTextNode(marker);
		const quote = quoteFor(citation, sentence, seen.has(index));
		seen.add(index);
		return chip(citation, quote);
	});
	box.replaceChildren(fragment);
	item.classList.toggle('not-found', grounded === false);
	if (grounded === false) box.prepend(el('strong', { class: 'badge', text: 'Not in the documents' }), ' ');
	item.querySelector('.message-actions')?.remove();
	item.append(el('div', { class: 'message-actions' },
		el('button', { type: 'button', class: 'quiet copy', text: 'Copy', 'aria-label': 'Copy this answer',
			onclick: (e) => copy(e.target, text) }),
		question ? el('button', { type: 'button', class: 'quiet regenerate', text: 'Regenerate', 'aria-label': 'Ask this question again',
			onclick: () => send(question) }) : '',
		messageId ? rating(messageId, 'up', 'Helpful', 'A good answer') : '',
		messageId ? rating(messageId, 'down', 'Not helpful', 'A bad answer (say why if you like)') : ''));
}

function rating(messageId, value, symbol, label) {
	return el('button', { type: 'button', class: `quiet rate rate-${value}`, text: symbol, 'aria-label': label, 'aria-pressed': 'false',
		onclick: (e) => rate(e.currentTarget, messageId, value) });
}

/** Thumbs up or down, stored with the answer; down asks for an optional reason. */
async function rate(button, messageId, value) {
	const reason = value === 'down' ? prompt('What was wrong with this answer? (optional)', '') : null;
	if (value === 'down' && reason === null) return;
	await guarded(async () => {
		await api(`${sessionPath()}/messages/${encodeURIComponent(messageId)}/feedback`, {
			method: 'PUT', auth: sessionHeaders(), json: { rating: value, reason: reason || null } });
		for (const other of button.parentElement.querySelectorAll('button.rate')) other.setAttribute('aria-pressed', String(other === button));
	});
}

/**
 * The quote a chip opens: the citation's own for its first use; for a later use of the
 * same [n], the sentence that use closes, always (the viewer finds it on the page even
 * reworded, a table row written again, or else highlights the passage cited, never
 * the first use's quote), so that each chip highlights its own sentence.
 */
function quoteFor(citation, sentence, repeated) {
	const fold = (s) => (s || '').replace(/\s+/g, ' ').trim();
	if (repeated && fold(sentence)) return fold(sentence);
	return citation.quote || citation.snippet || '';
}

function chip(citation, quote) {
	return el('button', {
		type: 'button', class: 'chip', 'data-index': String(citation.index), 'data-quote': quote,
		'aria-label': `Source ${citation.index}: ${citation.filename}, page ${citation.page}`,
		title: quote, text: String(citation.index),
		onclick: () => openCitation(chat.session.knowledgeBase, citation, quote) });
}

async function copy(button, text) {
	try {
		await navigator.clipboard.writeText(text);
		button.textContent = 'Copied';
	} catch {
		showError('Copy failed: select the answer and copy it by hand');
	}
}

function scrollDown() {
	const list = $('messages');
	list.lastElementChild?.scrollIntoView({ block: 'end' });
}

// ---- composer ----

/** Shows the count near and over the limit; over it, nothing is cut: Send waits. */
export function count() {
	const box = $('question');
	const max = Number(box.dataset.max);
	const n = box.value.length;
	const counter = $('counter');
	const over = n > max;
	counter.textContent = over ? `${n} / ${max}: ${n - max} characters over the limit, shorten the question`
		: n > max * 0.8 ? `${n} / ${max}` : '';
	counter.classList.toggle('over', over);
	box.setAttribute('aria-invalid', String(over));
	$('send').disabled = over || chat.streaming !== null;
}

export function composerKeys(event) {
	if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
		event.preventDefault();
		$('ask-form').requestSubmit();
	}
}

export async function ask(event) {
	event.preventDefault();
	const box = $('question');
	const message = box.value.trim();
	if (!message || chat.streaming || message.length > Number(box.dataset.max)) return;
	box.value = '';
	count();
	await send(message);
}

async function startSession() {
	const configId = $('chat-persona').value;
	const kb = $('chat-kb').value;
	if (!kb && !configId) throw new Error('Create a knowledge base first (Knowledge bases), then ask it.');
	const config = chat.personas.find((p) => p.id === configId);
	const body = configId ? (config && config.editable === false ? { configId } : { configId, knowledgeBase: kb }) : { knowledgeBase: kb };
	const started = await api('/api/v1/sessions', { method: 'POST', json: body });
	chat.session = { sessionId: started.sessionId, token: started.token, knowledgeBase: kb, configId: configId || null };
	if (config && config.editable === false) chat.session.knowledgeBase = config.knowledgeBase;
	sessionStorage.setItem(OPEN, started.sessionId);
	setUp();
}

async function send(message) {
	const item = messageItem('user');
	renderQuestion(item, message);
	const answer = messageItem('assistant');
	answer.setAttribute('aria-busy', 'true');
	const controller = new AbortController();
	chat.streaming = controller;
	$('stop').hidden = false;
	count();
	let text = '';
	let citations = [];
	try {
		if (!chat.session) await startSession();
		const response = await fetch(`${sessionPath()}/messages`, {
			method: 'POST', signal: controller.signal,
			headers: { ...sessionHeaders(), 'Content-Type': 'application/json', Accept: 'text/event-stream' },
			body: JSON.stringify({ message }) });
		if (!response.ok) throw new Error(await problem(response));
		const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
		let buffer = '';
		for (;;) {
			const { value, done } = await reader.read();
			if (done) break;
			buffer += value;
			let end;
			while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
				const block = buffer.slice(0, end);
				buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
				const event = parseEvent(block);
				if (event.name === 'token') {
					text += event.data.text;
					answer.querySelector('.text').textContent = text;
				} else if (event.name === 'citations') {
					citations = event.data;
				} else if (event.name === 'done') {
					renderAnswer(answer, event.data.answer ?? text, citations, event.data.grounded, message, event.data.id);
					answer.dataset.done = 'true';
				} else if (event.name === 'error') {
					throw new Error(event.data.detail || 'The answer failed');
				}
			}
		}
		showError('');
	} catch (error) {
		if (error.name === 'AbortError') {
			answer.dataset.stopped = 'true';
			answer.querySelector('.text').append(el('em', { class: 'stopped', text: ' (stopped)' }));
		} else {
			showError(error.message);
			answer.remove();
		}
	} finally {
		answer.removeAttribute('aria-busy');
		chat.streaming = null;
		$('stop').hidden = true;
		count();
		scrollDown();
		loadConversations();
	}
}

export function stop() {
	if (chat.streaming) chat.streaming.abort();
}

function parseEvent(block) {
	let name = 'message';
	const data = [];
	for (const line of block.split(/\r?\n/)) {
		if (line.startsWith('event:')) name = line.slice(6).trim();
		else if (line.startsWith('data:')) data.push(line.slice(5));
	}
	let parsed = data.join('\n');
	try { parsed = JSON.parse(parsed); } catch { /* plain text */ }
	return { name, data: parsed };
}
