// A chat's scope: the knowledge base picked (or the open conversation's) first, more
// knowledge bases asked at once, and only some documents of them. A chip row above the
// composer shows it (each added part with a × to take it away, and "Also ask" to add a
// knowledge base); "#" in the composer suggests documents of its knowledge bases by name
// and a choice narrows the chat to it. For a new chat the scope goes with its start
// (POST /api/v1/sessions knowledgeBases, documents); in an open conversation each change
// is sent at once (PUT /api/v1/sessions/{id}/scope), and the server checks the caller's
// right to chat in each knowledge base on every question. Files dropped into the
// conversation (drop.js) show as chips of their own, asked until deleted (× on the chip).
import { $, api, el, guarded, isConversations, kbName, kbPath, mayIn, state } from './core.js';

/**
 * The knowledge bases after the first (never the conversation's own, which the server
 * keeps), the documents ({id, filename}), the files dropped into the conversation
 * ({id, filename, status}) and the conversation they belong to.
 */
const scope = { knowledgeBases: [], documents: [], files: [], sessionId: null };
/** Sends a changed scope to the open conversation (set by the chat), or nothing. */
let send = null;
/** The suggestions shown for "#…", and the one highlighted. */
const suggestions = { shown: [], at: 0, asked: 0 };

const first = () => $('chat-kb').value;
const all = () => [first(), ...scope.knowledgeBases].filter(Boolean);

/** @returns how many knowledge bases the chat asks (the first and those added) */
export const knowledgeBaseCount = () => all().length;

/** @param sender async (body) => …: sends a scope to the open conversation */
export function whenScopeChanges(sender) {
	send = sender;
}

/** The scope a new session starts with. */
export function scopeBody() {
	// narrowed to some documents, the chat keeps asking the files dropped into it
	const documents = scope.documents.map((d) => d.id);
	return { knowledgeBases: scope.knowledgeBases, documents: documents.length ? [...documents, ...scope.files.map((f) => f.id)] : [] };
}

/**
 * The scope as a conversation shows it (GET /api/v1/sessions/{id}), or none for a new
 * chat; the documents' names are looked up in their knowledge bases.
 */
export function resetScope(view) {
	const own = view ? (view.knowledgeBases || []).find(isConversations) : null;
	scope.knowledgeBases = view ? (view.knowledgeBases || []).slice(1).filter((kb) => !isConversations(kb)) : [];
	scope.files = [];
	scope.sessionId = view ? view.sessionId : null;
	const files = own ? new Set() : null;
	scope.documents = view ? (view.documents || []).map((id) => ({ id, filename: null })) : [];
	renderScope();
	if (own) {
		guarded(async () => {
			const found = await api(`/api/v1/sessions/${encodeURIComponent(own)}/files`);
			if (scope.sessionId !== view.sessionId) return;
			scope.files = found.files.map(({ id, filename, status }) => ({ id, filename, status }));
			found.files.forEach((f) => files.add(f.id));
			// a scope narrowed to documents names the dropped files too: they show once
			scope.documents = scope.documents.filter((d) => !files.has(d.id));
			renderScope();
		});
	}
	if (scope.documents.length) guarded(nameDocuments);
}

/**
 * A file dropped into the open conversation, or its new status.
 * @param sessionId the conversation
 * @param file {id, filename, status}
 */
export function showFile(sessionId, file) {
	scope.sessionId = sessionId;
	const at = scope.files.findIndex((f) => f.id === file.id);
	const shown = { id: file.id, filename: file.filename, status: file.status };
	if (at >= 0) scope.files[at] = shown; else scope.files.push(shown);
	renderScope();
}

async function removeFile(file) {
	await guarded(async () => {
		await api(`/api/v1/sessions/${encodeURIComponent(scope.sessionId)}/files/${encodeURIComponent(file.id)}`,
			{ method: 'DELETE' });
		scope.files = scope.files.filter((f) => f.id !== file.id);
		renderScope();
	});
}

async function nameDocuments() {
	for (const kb of all()) {
		const { documents } = await api(`${kbPath(kb)}/documents`);
		for (const d of scope.documents) {
			const found = documents.find((doc) => doc.id === d.id);
			if (found) d.filename = found.filename;
		}
	}
	renderScope();
}

/** Renders the chip row: the knowledge bases, the documents, and "Also ask". */
export function renderScope() {
	const row = $('scope-chips');
	const parts = [el('span', { class: 'scope-label', text: 'Asks' })];
	if (first()) parts.push(el('span', { class: 'scope-chip', 'data-kb': first(), text: kbName(first()) }));
	for (const kb of scope.knowledgeBases) {
		parts.push(el('span', { class: 'scope-chip', 'data-kb': kb }, kbName(kb),
			el('button', { type: 'button', class: 'quiet scope-remove', text: '×', 'aria-label': `Stop asking ${kbName(kb)}`,
				onclick: () => change(() => { scope.knowledgeBases = scope.knowledgeBases.filter((k) => k !== kb); }) })));
	}
	parts.push(el('span', { class: 'scope-what', text: scope.documents.length ? 'only' : 'all documents' }));
	for (const d of scope.documents) {
		const name = d.filename || d.id;
		parts.push(el('span', { class: 'scope-chip scope-document', 'data-document': d.id }, `#${name}`,
			el('button', { type: 'button', class: 'quiet scope-remove', text: '×', 'aria-label': `Stop narrowing to ${name}`,
				onclick: () => change(() => { scope.documents = scope.documents.filter((x) => x.id !== d.id); }) })));
	}
	for (const f of scope.files) {
		const reading = f.status === 'READY' ? '' : f.status === 'FAILED' ? ' (could not be read)' : ' (reading…)';
		parts.push(el('span', { class: `scope-chip scope-file${f.status === 'FAILED' ? ' failed' : ''}`, 'data-file': f.id,
			title: 'Dropped into this conversation: asked here only, deleted with it' }, `📎 ${f.filename}${reading}`,
			el('button', { type: 'button', class: 'quiet scope-remove', text: '×', 'aria-label': `Delete ${f.filename} from this conversation`,
				onclick: () => removeFile(f) })));
	}
	const others = state.knowledgeBases.filter((k) => !all().includes(k.id) && mayIn('chat', k.id));
	if (first() && others.length) {
		const add = el('select', { id: 'scope-add', 'aria-label': 'Also ask another knowledge base' },
			el('option', { value: '', text: 'Also ask…' }),
			...others.map((k) => el('option', { value: k.id, text: k.name })));
		add.addEventListener('change', () => {
			const kb = add.value;
			if (kb) change(() => { scope.knowledgeBases = [...scope.knowledgeBases, kb]; });
		});
		parts.push(add);
	}
	row.replaceChildren(...parts);
	row.hidden = !first();
}

/** Changes the scope; an open conversation takes it at once (or keeps the old one). */
function change(edit) {
	const before = { knowledgeBases: scope.knowledgeBases, documents: scope.documents };
	edit();
	renderScope();
	return guarded(async () => {
		try {
			if (send) await send(scopeBody());
		} catch (error) {
			Object.assign(scope, before);
			renderScope();
			throw error;
		}
	});
}

// ---- "#" suggestions in the composer ----

/** The "#…" being typed just before the caret, or null. */
function typed() {
	const box = $('question');
	const before = box.value.slice(0, box.selectionStart);
	const match = /(^|\s)#([^\s#]*)$/.exec(before);
	return match ? { term: match[2], from: before.length - match[2].length - 1 } : null;
}

/** On input: suggests documents of the scope's knowledge bases whose name holds what follows "#". */
export async function suggest() {
	// every key typed asks again, and the answers may come back in another order: only
	// the answer to the last question is shown, never an earlier prefix's over it
	const asked = ++suggestions.asked;
	const at = typed();
	if (!at || !first()) return hideSuggestions();
	const query = new URLSearchParams({ limit: '8' });
	if (at.term) query.set('q', at.term);
	const found = [];
	for (const kb of all()) {
		try {
			const { documents } = await api(`${kbPath(kb)}/documents?${query}`);
			found.push(...documents.filter((d) => !scope.documents.some((x) => x.id === d.id))
				.map((d) => ({ ...d, knowledgeBase: kb })));
		} catch {
			// a knowledge base whose documents this caller may not list suggests none
		}
	}
	if (asked !== suggestions.asked) return;
	if (!typed()) return hideSuggestions();
	suggestions.shown = found.slice(0, 8);
	suggestions.at = 0;
	renderSuggestions();
}

function renderSuggestions() {
	const list = $('doc-suggestions');
	list.replaceChildren(...suggestions.shown.map((d, i) => el('li', {
		role: 'option', id: `doc-suggestion-${i}`, class: 'doc-suggestion', 'data-document': d.id,
		'aria-selected': String(i === suggestions.at), text: `${d.filename} · ${kbName(d.knowledgeBase)}`,
		onmousedown: (e) => { e.preventDefault(); choose(d); } })));
	if (!suggestions.shown.length) {
		list.append(el('li', { class: 'doc-suggestion none', text: 'No document of this chat\u2019s knowledge bases has that name' }));
	}
	list.hidden = false;
	$('question').setAttribute('aria-expanded', 'true');
	if (suggestions.shown.length) $('question').setAttribute('aria-activedescendant', `doc-suggestion-${suggestions.at}`);
}

function hideSuggestions() {
	suggestions.shown = [];
	$('doc-suggestions').hidden = true;
	$('question').setAttribute('aria-expanded', 'false');
	$('question').removeAttribute('aria-activedescendant');
}

/** A chosen document: "#…" leaves the composer, the chat asks only the chosen documents. */
function choose(document) {
	const at = typed();
	const box = $('question');
	if (at) {
		box.value = box.value.slice(0, at.from) + box.value.slice(box.selectionStart).replace(/^\s*/, '');
		box.setSelectionRange(at.from, at.from);
	}
	hideSuggestions();
	box.focus();
	return change(() => { scope.documents = [...scope.documents, { id: document.id, filename: document.filename }]; });
}

/** Keys of the composer while suggestions show: arrows move, Enter or Tab chooses, Escape hides. @returns whether it took the key */
export function suggestionKeys(event) {
	if ($('doc-suggestions').hidden) return false;
	if (event.key === 'Escape') {
		hideSuggestions();
	} else if (!suggestions.shown.length) {
		return false;
	} else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
		const n = suggestions.shown.length;
		suggestions.at = (suggestions.at + (event.key === 'ArrowDown' ? 1 : n - 1)) % n;
		renderSuggestions();
	} else if (event.key === 'Enter' || event.key === 'Tab') {
		choose(suggestions.shown[suggestions.at]);
	} else {
		return false;
	}
	event.preventDefault();
	return true;
}
