// Chat: the conversation list, the composer, streamed answers rendered as Markdown with
// citation chips (each with a preview of its quote) and the passages each answer was
// built from. A session's token is kept in memory only; when it is refused (it expired,
// or the page was reloaded) the API key asks for a new one
// (POST /api/v1/sessions/{id}/token) and the call is made again, once, unnoticed. Only the
// open conversation's id (no secret) is kept in sessionStorage, so that a reload reopens it.
import { $, api, authHeaders, el, guarded, kbName, problem, showError, showFailure, state } from './core.js';
import { markdown, placeChips } from './markdown.js';
import { openCitation, openDocument } from './viewer.js';
import { withPageLink } from './weblinks.js';
import { listingPanel } from './listing.js';
import { openTrace } from './trace.js';
import { describeModelSettings, extractNotice, loadPickable, showGenerator } from './models.js';
import { knowledgeBaseCount, renderScope, resetScope, scopeBody, suggestionKeys, whenScopeChanges } from './scope.js';

const OPEN = 'ragchat.conversation';
const chat = { session: null, personas: [], pickable: [], streaming: null, renewing: null, names: new Map() };

const sessionHeaders = () => ({ Authorization: `Bearer ${chat.session.token}` });
const sessionPath = () => `/api/v1/sessions/${encodeURIComponent(chat.session.sessionId)}`;

/**
 * A new token for the open conversation, asked for with the API key (one request however
 * many calls were refused at once). A conversation lasts as long as the key: only a
 * deleted conversation, a key that expired or was revoked, or a knowledge base its person
 * may no longer chat in (a 404, as the token's own calls get then) gets none.
 */
function renewToken() {
	if (!chat.renewing) {
		const session = chat.session;
		chat.renewing = api(`/api/v1/sessions/${encodeURIComponent(session.sessionId)}/token`, { method: 'POST' })
			.then((started) => Object.assign(session, tokenOf(started)))
			.catch((error) => { throw new Error(`This conversation cannot go on: ${error.message}`); })
			.finally(() => { chat.renewing = null; });
	}
	return chat.renewing;
}

/**
 * A token as the conversation keeps it: with when to renew it, a little before it expires
 * (half its life at most), so that a refused token (which the audit log records as a
 * failed sign-in and the rate limit counts) stays the exception: a clock that is off.
 */
function tokenOf(started) {
	const expires = Date.parse(started.expiresAt);
	const margin = Math.min(30000, Math.max(0, (expires - Date.now()) / 2));
	return { token: started.token, renewAt: Number.isNaN(expires) ? Infinity : expires - margin };
}

/**
 * fetch() with the open conversation's token, renewed first when it is about to expire;
 * a 401 (it expired all the same) renews it and tries once more.
 */
async function sessionFetch(path, init = {}) {
	const call = () => fetch(`${sessionPath()}${path}`, { ...init, headers: { ...(init.headers || {}), ...sessionHeaders() } });
	if (Date.now() >= (chat.session.renewAt ?? Infinity)) await renewToken();
	const response = await call();
	if (response.status !== 401) return response;
	await renewToken();
	return call();
}

/** A JSON call with the open conversation's token, renewed when refused. */
async function sessionApi(path, { method = 'GET', json } = {}) {
	const init = { method, headers: {} };
	if (json !== undefined) {
		init.headers['Content-Type'] = 'application/json';
		init.body = JSON.stringify(json);
	}
	const response = await sessionFetch(path, init);
	if (!response.ok) throw new Error(await problem(response));
	return response.status === 204 ? null : response.json();
}

export async function chatShown() {
	searchBox();
	// the line saying who answers follows the persona and the model picked (setUp)
	await loadModelPicker();
	await loadPersonas();
	await loadConversations();
	const open = sessionStorage.getItem(OPEN);
	// a question asked while the pickers loaded has started its own conversation (or is
	// starting it): the one open before is not resumed over it
	if (!chat.session && !chat.streaming && open) await guarded(() => resume(open));
	$('question').focus();
}

export function forgetChat() {
	if (chat.streaming) chat.streaming.abort();
	chat.session = null;
	sessionStorage.removeItem(OPEN);
	$('messages').replaceChildren();
	$('conversation-rows').replaceChildren();
	searchBox().value = '';
	setUp();
}

// ---- conversations ----

/**
 * Refreshes the list; a failure is shown, but a refresh never clears a message something
 * else showed (it runs after every question).
 */
export async function loadConversations() {
	const q = searchBox().value.trim();
	try {
		const { sessions } = await api(`/api/v1/sessions?limit=50${q ? `&q=${encodeURIComponent(q)}` : ''}`);
		if (q !== searchBox().value.trim()) return;
		$('conversation-rows').replaceChildren(...sessions.map(conversationRow));
		if (q && !sessions.length) {
			$('conversation-rows').append(el('li', { class: 'conversation-none', text: `No conversation holds “${q}”` }));
		}
	} catch (error) {
		showFailure(error);
	}
}

/**
 * The search over the conversations (their titles, questions and answers), above their
 * list; the list follows what is typed.
 */
function searchBox() {
	let box = $('conversation-search');
	if (!box) {
		let waiting = null;
		box = el('input', { type: 'search', id: 'conversation-search', class: 'conversation-search', maxlength: '200',
			placeholder: 'Search conversations', 'aria-label': 'Search conversations (titles, questions and answers)',
			'aria-controls': 'conversation-rows' });
		box.addEventListener('input', () => {
			clearTimeout(waiting);
			waiting = setTimeout(loadConversations, 250);
		});
		$('conversation-rows').before(box);
	}
	return box;
}

function conversationRow(s) {
	// named by its user, else by its first question (not by the answer's first words)
	const title = s.title || s.firstQuestion || 'No questions yet';
	// a token's expiry ends nothing: the key gets a new one; only an ended one is closed
	const open = !s.endedAt;
	const current = chat.session && chat.session.sessionId === s.sessionId;
	return el('li', { class: `conversation${current ? ' current' : ''}${s.pinned ? ' pinned' : ''}`, 'data-session': s.sessionId },
		el('button', {
			type: 'button', class: 'open-conversation', disabled: !open,
			'aria-current': current ? 'true' : null,
			title: open ? 'Open this conversation' : 'This conversation was ended',
			onclick: () => guarded(() => openConversation(s.sessionId)) },
		el('span', { class: 'conversation-title', text: title }),
		el('span', { class: 'conversation-meta', text: `${kbName(s.knowledgeBase)} · ${new Date(s.updatedAt || s.createdAt).toLocaleString()}` })),
		el('button', { type: 'button', class: 'quiet pin-conversation', text: s.pinned ? '★' : '☆',
			'aria-pressed': String(Boolean(s.pinned)), 'aria-label': `Pin the conversation “${title}” (pinned ones come first)`,
			title: s.pinned ? 'Pinned: click to unpin' : 'Pin: keep it at the top',
			onclick: () => pinConversation(s) }),
		el('button', { type: 'button', class: 'quiet rename-conversation', text: '✎', 'aria-label': `Rename the conversation “${title}”`,
			onclick: () => renameConversation(s, title) }),
		el('details', { class: 'export-conversation' },
			el('summary', { class: 'quiet', text: '⤓', title: 'Export', 'aria-label': `Export the conversation “${title}”` }),
			el('div', { class: 'export-menu' },
				el('button', { type: 'button', class: 'quiet export-markdown', text: 'Markdown',
					onclick: (e) => exportConversation(s, 'markdown', e.currentTarget) }),
				el('button', { type: 'button', class: 'quiet export-json', text: 'JSON',
					onclick: (e) => exportConversation(s, 'json', e.currentTarget) }))),
		el('button', { type: 'button', class: 'quiet delete-conversation', text: '×', 'aria-label': `Delete the conversation “${title}”`,
			onclick: () => deleteConversation(s) }));
}

/**
 * A conversation picked in the list: an answer being written elsewhere stops (the person
 * left it); the open conversation picked again is already shown, and its answer goes on.
 */
async function openConversation(sessionId) {
	if (chat.streaming) {
		if (chat.session && chat.session.sessionId === sessionId) return;
		chat.streaming.abort();
	}
	await resume(sessionId);
}

/**
 * Shows a conversation with its history. It never stops an answer: only the person does
 * (Stop, another conversation, New chat, signing out). A question asked while it loads
 * keeps the page it was asked on: neither its conversation nor its answer is replaced.
 */
async function resume(sessionId) {
	const asking = chat.streaming;
	const askedMeanwhile = () => chat.streaming !== null && chat.streaming !== asking;
	try {
		const started = await api(`/api/v1/sessions/${encodeURIComponent(sessionId)}/token`, { method: 'POST' });
		if (askedMeanwhile()) return;
		chat.session = { sessionId, ...tokenOf(started) };
		chat.names = new Map();
		const view = await sessionApi('');
		Object.assign(chat.session, { knowledgeBase: view.knowledgeBase, configId: view.configId, model: view.model || null });
		sessionStorage.setItem(OPEN, sessionId);
		setUp();
		resetScope(view);
		await loadHistory(askedMeanwhile);
		await loadConversations();
	} catch (error) {
		if (!askedMeanwhile()) {
			sessionStorage.removeItem(OPEN);
			chat.session = null;
			setUp();
		}
		throw error;
	}
}

async function renameConversation(s, current) {
	const title = prompt('Name this conversation', s.title || current);
	if (title === null) return;
	await guarded(async () => {
		await api(`/api/v1/sessions/${encodeURIComponent(s.sessionId)}`, { method: 'PATCH', json: { title } });
		await loadConversations();
	});
}

async function pinConversation(s) {
	await guarded(async () => {
		await api(`/api/v1/sessions/${encodeURIComponent(s.sessionId)}`, { method: 'PATCH', json: { pinned: !s.pinned } });
		await loadConversations();
	});
}

/** The conversation as a file: Markdown (citations as footnotes) or JSON. */
async function exportConversation(s, format, button) {
	await guarded(async () => {
		const response = await fetch(`/api/v1/sessions/${encodeURIComponent(s.sessionId)}/export?format=${format}`,
			{ headers: authHeaders() });
		if (!response.ok) throw new Error(await problem(response));
		const url = URL.createObjectURL(await response.blob());
		const link = el('a', { href: url, download: `conversation-${s.sessionId}.${format === 'json' ? 'json' : 'md'}` });
		document.body.append(link);
		link.click();
		link.remove();
		setTimeout(() => URL.revokeObjectURL(url), 10000);
		button.closest('details').open = false;
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
	chat.names = new Map();
	sessionStorage.removeItem(OPEN);
	$('messages').replaceChildren();
	setUp();
	resetScope(null);
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
		pickerShows(chat.session.model, config && config.editable === false);
		$('session-info').textContent = `Conversation on ${kbName(chat.session.knowledgeBase)}`
			+ (config ? ` with ${config.title}` : '') + ' — “New chat” to ask another knowledge base';
	} else {
		kb.disabled = false;
		persona.disabled = false;
		const config = chat.personas.find((p) => p.id === persona.value);
		pickerShows($('chat-model').value, config && config.editable === false);
		$('session-info').textContent = kb.value ? `New chat on ${kbName(kb.value)}` : 'No knowledge base to ask yet';
	}
	renderScope();
	describePersona();
}

// ---- the model picked for a conversation ----

/** The models anyone may pick (the master key offers them); the list is hidden without any. */
async function loadModelPicker() {
	chat.pickable = await loadPickable();
	const select = $('chat-model');
	const chosen = select.value;
	select.replaceChildren(el('option', { value: '', text: 'Default (the persona\'s or the service\'s)' }),
		...chat.pickable.map((m) => el('option', { value: m.name, text: m.writes ? m.name : `${m.name} (quotes, no model)` })));
	select.value = chat.pickable.some((m) => m.name === chosen) ? chosen : '';
	const none = chat.pickable.length === 0;
	select.hidden = none;
	$('chat-model-label').hidden = none;
}

/**
 * The picker shows the conversation's model (one no longer offered too, as it is named),
 * and is locked with a locked persona, whose settings are its own.
 */
function pickerShows(model, locked) {
	const select = $('chat-model');
	if (model && ![...select.options].some((o) => o.value === model)) {
		select.append(el('option', { value: model, text: model }));
	}
	select.value = model || '';
	select.disabled = Boolean(locked);
}

/** The model the conversation names: its session's, or for a new one the pick or the persona's. */
function namedModel() {
	if (chat.session) return chat.session.model || null;
	const config = chat.personas.find((p) => p.id === $('chat-persona').value);
	return $('chat-model').value || (config && config.model) || null;
}

/** Says who answers the conversation's next question, as the server says it now. */
function showWhoAnswers() {
	showGenerator(chat.session ? chat.session.configId : $('chat-persona').value, namedModel());
}

/** A model picked: an open conversation takes it for its next question (an empty pick goes back). */
export async function modelPicked() {
	if (!chat.session) {
		showWhoAnswers();
		return;
	}
	const model = $('chat-model').value;
	await guarded(async () => {
		try {
			const view = await sessionApi('', { method: 'PUT', json: { model } });
			chat.session.model = view.model || null;
		} finally {
			pickerShows(chat.session.model, false);
			showWhoAnswers();
		}
	});
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
	describeModelSettings(config ? config.id : null);
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
	// the persona may have a generator of its own, the conversation a model picked: the
	// line and the extract notice follow them
	showWhoAnswers();
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

/** @param asked whether a question was asked meanwhile: its answer, being written, stays */
async function loadHistory(asked) {
	const { messages } = await sessionApi('/messages?limit=100');
	if (asked()) return;
	$('messages').replaceChildren();
	let question = null;
	for (const m of messages) {
		const item = messageItem(m.role);
		if (m.role === 'user') {
			question = m.answer;
			renderQuestion(item, m.answer);
		} else if (m.stopped) {
			renderStopped(item, m.answer, question);
		} else {
			renderAnswer(item, m.answer, m.citations || [], m.grounded, question, m.id, m.passages || [],
				{ trace: m.trace || null, refusal: m.refusal || null, outcome: m.outcome || null, clarification: m.clarification || null,
					listing: m.outcome === 'list' ? m : null });
			item.dataset.done = 'true';
		}
	}
	scrollDown(true);
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

/**
 * @param why the answer's trace (live, or as the history keeps it) and refusal: "Why this
 * answer?" opens the trace, "Why not found?" the trace or, for an answer kept without
 * one, its refusal;
 * its outcome and clarification (a question asked back: its readings become buttons, live
 * and from the history); listing: for a question about the whole knowledge base, the
 * answer's count and every item (a table and a CSV beside the text); asked: what else its question carried (Regenerate sends it again)
 */
function renderAnswer(item, answered, citations, grounded, question, messageId, passages = [], why = {}) {
	const box = item.querySelector('.text');
	const clarify = why.outcome === 'clarify';
	const text = grounded === false && !clarify ? refusalWords(answered) : answered;
	learnNames([...citations, ...passages]);
	const byIndex = new Map(citations.map((c) => [c.index, c]));
	const seen = new Set();
	const fragment = placeChips(markdown(text), (index, sentence, marker) => {
		const citation = byIndex.get(index);
		if (!citation) return document.createTextNode(marker);
		const quote = quoteFor(citation, sentence, seen.has(index));
		seen.add(index);
		return withPageLink(chip(citation, quote), citation.knowledgeBase || chat.session.knowledgeBase, citation, quote);
	});
	box.replaceChildren(fragment);
	// a question asked back: the readings the documents hold, each a button that asks
	// again with it
	item.classList.toggle('not-found', grounded === false && !clarify);
	item.classList.toggle('clarify', clarify);
	if (grounded === false && !clarify) box.prepend(el('strong', { class: 'badge', text: 'Not in the documents' }), ' ');
	extractNotice(item, text);
	item.querySelector('.message-actions')?.remove();
	item.querySelector('.passages')?.remove();
	item.querySelector('.readings')?.remove();
	item.querySelector('.listing')?.remove();
	if (why.listing) item.append(listingPanel(why.listing, chat.session.knowledgeBase));
	const readings = (why.clarification && why.clarification.readings) || [];
	if (clarify && question && readings.length) {
		// each asks the question again of the reading's document alone (the citation its
		// source numbers), naming it in the question
		item.append(el('div', { class: 'readings', role: 'group', 'aria-label': 'Which one do you mean?' },
			...readings.map((reading) => {
				const cited = byIndex.get(reading.source);
				return el('button', { type: 'button', class: 'reading', text: reading.label,
					onclick: () => send(readingQuestion(question, why.clarification.kind, reading.label),
						cited ? { reading: { documentId: cited.documentId } } : {}) });
			})));
	}
	if (passages.length) item.append(sourcesPanel(passages, citations));
	// where each document is: a chat may ask several knowledge bases (the trace's passages
	// open their pages there)
	const homes = new Map([...passages, ...citations].filter((p) => p.knowledgeBase).map((p) => [p.documentId, p.knowledgeBase]));
	item.append(el('div', { class: 'message-actions' },
		el('button', { type: 'button', class: 'quiet copy', text: 'Copy', 'aria-label': 'Copy this answer with its sources',
			onclick: (e) => copy(e.target, withSources(text, citations)) }),
		why.trace || grounded === false ? el('button', {
			type: 'button', class: 'quiet why', 'aria-haspopup': 'dialog',
			text: clarify ? 'Why this question?' : grounded === false ? 'Why not found?' : 'Why this answer?',
			onclick: () => openTrace(why.trace || null, { knowledgeBase: chat.session.knowledgeBase,
				knowledgeBaseOf: (documentId) => homes.get(documentId), refusal: why.refusal || null, grounded }) }) : '',
		question ? el('button', { type: 'button', class: 'quiet regenerate', text: 'Regenerate', 'aria-label': 'Ask this question again',
			onclick: () => send(question, why.asked || {}) }) : '',
		messageId ? rating(messageId, 'up', 'Helpful', 'A good answer') : '',
		messageId ? rating(messageId, 'down', 'Not helpful', 'A bad answer (say why if you like)') : ''));
}

/**
 * A refusal in the words of the chat it is in: the service says "this knowledge base",
 * a chat that asks several says "these knowledge bases".
 */
function refusalWords(text) {
	return knowledgeBaseCount() > 1 ? (text || '').replace(/\bthis knowledge base\b/g, 'these knowledge bases') : text;
}

/**
 * An answer as Copy puts it on the clipboard: its text with the sources its [n] refer
 * to, one line each (document, page, the quote), so that the markers still mean something
 * where it is pasted.
 */
function withSources(text, citations) {
	const used = new Set([...(text || '').matchAll(/\[(\d+)]/g)].map((m) => Number(m[1])));
	const sources = [...new Map(citations.filter((c) => used.has(c.index)).map((c) => [c.index, c])).values()]
		.sort((a, b) => a.index - b.index)
		.map((c) => `[${c.index}] ${documentLabel(c.filename, c.documentId)}, page ${c.page}`
			+ `${c.quote ? `: “${c.quote}”` : ''}${c.webUrl ? ` ${c.webUrl}` : ''}`);
	return sources.length ? `${text}\n\nSources:\n${sources.join('\n')}\n` : text;
}

/**
 * The question asked again for one of its readings: "What does the policy say?" of the
 * reading "Travel policy" is "What does the Travel policy say?" (the thing it pointed at
 * named); a question that does not write the kind so gets the reading after it.
 */
function readingQuestion(question, kind, label) {
	const escaped = (kind || '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const pointed = kind ? new RegExp(`\\b(?:the|this|that)\\s+${escaped}\\b`, 'i') : null;
	return pointed && pointed.test(question) ? question.replace(pointed, `the ${label}`) : `${question} (${label})`;
}

/**
 * An answer stopped while it streamed (Stop here, or stored so by the service): its text
 * as far as it came, said to be stopped, to copy or to ask again.
 */
function renderStopped(item, text, question, options = {}) {
	item.dataset.stopped = 'true';
	item.classList.add('stopped-answer');
	const box = item.querySelector('.text');
	box.replaceChildren(markdown(text || ''));
	box.append(el('em', { class: 'stopped', text: text ? ' (stopped)' : '(stopped before the answer began)' }));
	item.querySelector('.message-actions')?.remove();
	item.append(el('div', { class: 'message-actions' },
		text ? el('button', { type: 'button', class: 'quiet copy', text: 'Copy', 'aria-label': 'Copy this answer as far as it came',
			onclick: (e) => copy(e.target, text) }) : '',
		question ? el('button', { type: 'button', class: 'quiet regenerate', text: 'Regenerate', 'aria-label': 'Ask this question again',
			onclick: () => send(question, options) }) : ''));
}

/**
 * An answer's text as it streams in: Markdown as far as it has come, drawn at most once
 * a frame (chips and sources come with the whole answer).
 */
function renderPartial(item, text) {
	item.partialText = text;
	if (item.dataset.drawing) return;
	item.dataset.drawing = 'true';
	requestAnimationFrame(() => {
		delete item.dataset.drawing;
		if (item.dataset.done || item.dataset.stopped || item.classList.contains('failed')) return;
		const follow = nearBottom();
		item.querySelector('.text').replaceChildren(markdown(item.partialText || ''));
		if (follow) scrollDown(true);
	});
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
		await sessionApi(`/messages/${encodeURIComponent(messageId)}/feedback`, {
			method: 'PUT', json: { rating: value, reason: reason || null } });
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

// ---- documents told apart ----

/** Remembers which documents of the conversation share a file name. */
function learnNames(sources) {
	for (const { filename, documentId } of sources) {
		if (!filename || !documentId) continue;
		if (!chat.names.has(filename)) chat.names.set(filename, new Set());
		chat.names.get(filename).add(documentId);
	}
}

/**
 * A document's name as the chat shows it: its file name, and where two documents of the
 * conversation share it (an edited file uploaded again), a short form of its id, the
 * same the viewer's title then shows.
 */
function documentLabel(filename, documentId) {
	const ids = chat.names.get(filename);
	if (!ids || ids.size < 2 || !documentId) return filename;
	return `${filename} (#${documentId.replace(/^doc_/, '').slice(0, 6)})`;
}

// ---- chips and their preview ----

function chip(citation, quote) {
	const label = documentLabel(citation.filename, citation.documentId);
	const button = el('button', {
		type: 'button', class: 'chip', 'data-index': String(citation.index), 'data-quote': quote,
		'data-document': citation.documentId,
		'aria-label': `Source ${citation.index}: ${label}, page ${citation.page}`,
		text: String(citation.index),
		onclick: () => { hidePreview(); openCitation(citation.knowledgeBase || chat.session.knowledgeBase, { ...citation, filename: label }, quote); } });
	const show = () => showPreview(button, label, citation.page, quote);
	button.addEventListener('mouseenter', show);
	button.addEventListener('focus', show);
	// shown while the chip is hovered or focused: the pointer leaving a focused chip (or
	// focus leaving a hovered one) leaves it up
	button.addEventListener('mouseleave', () => { if (document.activeElement !== button) hidePreview(); });
	button.addEventListener('blur', () => { if (!button.matches(':hover')) hidePreview(); });
	button.addEventListener('keydown', (e) => { if (e.key === 'Escape') hidePreview(); });
	return button;
}

/**
 * One preview for every chip: the document, the page and the quote, beside the chip
 * hovered or focused, kept inside the window (fixed, so it never widens the page).
 */
function showPreview(button, label, page, quote) {
	let tip = $('chip-preview');
	if (!tip) {
		tip = el('div', { id: 'chip-preview', class: 'chip-preview', role: 'tooltip', hidden: true });
		document.body.append(tip);
	}
	tip.replaceChildren(el('strong', { class: 'chip-preview-source', text: `${label}, page ${page}` }),
		el('q', { class: 'chip-preview-quote', text: quote }));
	tip.hidden = false;
	button.setAttribute('aria-describedby', 'chip-preview');
	const at = button.getBoundingClientRect();
	const width = Math.min(tip.offsetWidth, window.innerWidth - 16);
	tip.style.left = `${Math.max(8, Math.min(at.left, window.innerWidth - width - 8))}px`;
	const below = at.bottom + 6;
	tip.style.top = below + tip.offsetHeight > window.innerHeight - 8
		? `${Math.max(8, at.top - tip.offsetHeight - 6)}px` : `${below}px`;
}

function hidePreview() {
	const tip = $('chip-preview');
	if (tip) tip.hidden = true;
	for (const b of document.querySelectorAll('button.chip[aria-describedby]')) b.removeAttribute('aria-describedby');
}

// ---- sources panel ----

/**
 * The passages an answer was built from, best first, cited or not, each with its score,
 * document and page; each opens the document there.
 */
function sourcesPanel(passages, citations) {
	const cited = new Map(citations.map((c) => [c.chunkId, c.index]));
	const documents = new Set(passages.map((p) => p.documentId)).size;
	const summary = `Sources: ${passages.length} passage${passages.length === 1 ? '' : 's'} from ${documents} document${documents === 1 ? '' : 's'}`;
	return el('details', { class: 'passages' },
		el('summary', { text: summary }),
		// list roles on divs: the conversation's own items stay the only li in it
		el('div', { class: 'passage-list', role: 'list' }, ...passages.map((p) => {
			const label = documentLabel(p.filename, p.documentId);
			const index = cited.get(p.chunkId);
			return el('div', { class: `passage${index ? ' cited' : ''}`, role: 'listitem', 'data-chunk': p.chunkId, 'data-document': p.documentId },
				el('button', {
					type: 'button', class: 'quiet open-passage',
					'aria-label': `Open ${label} at page ${p.page}`,
					onclick: () => openDocument(p.knowledgeBase || chat.session.knowledgeBase, { id: p.documentId, filename: label }, p.page, p.chunkId) },
				el('span', { class: 'passage-source', text: `${label}, page ${p.page}` })),
				el('span', { class: 'passage-score', text: `score ${score(p.score)}` }),
				index ? el('span', { class: 'passage-cited', text: `cited as [${index}]` }) : '',
				p.headingPath ? el('span', { class: 'passage-heading', text: p.headingPath }) : '',
				el('p', { class: 'passage-text', text: p.snippet }));
		})));
}

/** Three significant digits: scores may be a reranker's (0 to 1) or a fusion's (0.016). */
function score(value) {
	return typeof value === 'number' ? String(Number(value.toPrecision(3))) : '';
}

async function copy(button, text) {
	try {
		await navigator.clipboard.writeText(text);
		button.textContent = 'Copied';
	} catch {
		showError('Copy failed: select the answer and copy it by hand');
	}
}

/** Whether the reader is at (or near) the end of the conversation: then new text follows. */
function nearBottom() {
	const page = document.scrollingElement;
	return page.scrollHeight - page.scrollTop - window.innerHeight < 120;
}

/**
 * Brings the end of the conversation into view, just above the composer pinned to the
 * bottom of the window.
 */
function scrollDown(force = false) {
	if (!force && !nearBottom()) return;
	const page = document.scrollingElement;
	page.scrollTop = page.scrollHeight;
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
	if (suggestionKeys(event)) return;
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
	const locked = config && config.editable === false;
	const body = { ...(configId ? (locked ? { configId } : { configId, knowledgeBase: kb }) : { knowledgeBase: kb }),
		...scopeBody() };
	const picked = $('chat-model').value;
	if (picked && !locked) body.model = picked;
	const started = await api('/api/v1/sessions', { method: 'POST', json: body });
	chat.session = { sessionId: started.sessionId, ...tokenOf(started), knowledgeBase: kb, configId: configId || null,
		model: (picked && !locked) ? picked : (config && config.model) || null };
	if (config && config.editable === false) chat.session.knowledgeBase = config.knowledgeBase;
	sessionStorage.setItem(OPEN, started.sessionId);
	setUp();
}

/**
 * A call with the open conversation's token, a new chat started first when none is open:
 * for the files dropped into it (drop.js).
 * @returns the JSON answer, or null
 */
export async function conversationCall(path, init = {}) {
	if (!chat.session) await startSession();
	const response = await sessionFetch(path, init);
	if (!response.ok) throw new Error(await problem(response));
	return response.status === 204 ? null : response.json();
}

/** Asks a question in the open conversation as Send does, once the answer being written is done. */
export async function askNow(message) {
	while (chat.streaming) await new Promise((resolve) => { setTimeout(resolve, 200); });
	await send(message);
}

/** @returns the open conversation's id, or null */
export const conversationId = () => (chat.session ? chat.session.sessionId : null);

/**
 * @param options what else the question carries: {reading: {documentId}} asks it of the
 * document of a reading chosen among those a question asked back offered
 */
async function send(message, options = {}) {
	const item = messageItem('user');
	renderQuestion(item, message);
	const answer = messageItem('assistant');
	answer.setAttribute('aria-busy', 'true');
	scrollDown(true);
	const controller = new AbortController();
	chat.streaming = controller;
	$('stop').hidden = false;
	count();
	let text = '';
	let citations = [];
	try {
		if (!chat.session) await startSession();
		const response = await sessionFetch('/messages', {
			method: 'POST', signal: controller.signal,
			headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
			// every question asks for its trace: "Why this answer?" shows the answer's own
			body: JSON.stringify({ message, trace: true, ...options }) });
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
					renderPartial(answer, text);
				} else if (event.name === 'citations') {
					citations = event.data;
				} else if (event.name === 'done') {
					// a reader who followed the answer keeps following it as it grows by
					// its notes and sources
					const follow = nearBottom();
					renderAnswer(answer, event.data.answer ?? text, citations, event.data.grounded, message, event.data.id,
						event.data.passages || [], { trace: event.data.trace || null, refusal: event.data.refusal || null,
							outcome: event.data.outcome || null, clarification: event.data.clarification || null,
							listing: event.data.outcome === 'list' ? event.data : null, asked: options });
					answer.dataset.done = 'true';
					if (follow) scrollDown(true);
				} else if (event.name === 'error') {
					throw new Error(event.data.detail || 'The answer failed');
				}
			}
		}
		if (!answer.dataset.done) throw new Error('The answer broke off before it was complete');
	} catch (error) {
		if (error.name === 'AbortError') {
			// the service keeps the question and this much of the answer, marked stopped
			renderStopped(answer, text, message, options);
		} else {
			failed(answer, error.message, message, options);
		}
	} finally {
		answer.removeAttribute('aria-busy');
		// a question asked again right after a stop has its own controller by now
		if (chat.streaming === controller) chat.streaming = null;
		$('stop').hidden = true;
		count();
		scrollDown();
		loadConversations();
		// what answers may have changed meanwhile (the model screen, a model withdrawn)
		if (chat.session) showWhoAnswers();
	}
}

/**
 * A question that got no answer says so where it was asked, with why, and can be asked
 * again; nothing clears it but a new answer in its place.
 */
function failed(answer, reason, message, options = {}) {
	answer.classList.add('failed');
	answer.querySelector('.message-actions')?.remove();
	answer.querySelector('.text').replaceChildren(
		el('p', { class: 'failure', role: 'alert', text: `No answer: ${reason}` }));
	answer.append(el('div', { class: 'message-actions' },
		el('button', { type: 'button', class: 'quiet retry', text: 'Try again', 'aria-label': 'Ask this question again',
			onclick: () => send(message, options) })));
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

// a changed scope goes to the open conversation at once (a new chat starts with it)
whenScopeChanges(async (body) => {
	if (chat.session) await sessionApi('/scope', { method: 'PUT', json: body });
});
