// The ragchat console: plain ES module, no build step. The credential lives in
// sessionStorage (this tab only) and goes out as a header, never in a URL.
const STORE = 'ragchat.credential';
const $ = (id) => document.getElementById(id);

const state = { kb: null, session: null, polling: null, uploads: new Map() };

function credential() {
	const raw = sessionStorage.getItem(STORE);
	return raw ? JSON.parse(raw) : null;
}

function authHeaders() {
	const c = credential();
	if (!c) return {};
	return c.kind === 'master' ? { 'X-Master-Key': c.value } : { 'X-API-Key': c.value };
}

function el(tag, attrs = {}, ...children) {
	const node = document.createElement(tag);
	for (const [k, v] of Object.entries(attrs)) {
		if (k === 'class') node.className = v;
		else if (k === 'text') node.textContent = v;
		else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
		else if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? '' : v);
	}
	for (const child of children) node.append(child);
	return node;
}

function showError(message) {
	const box = $('error');
	box.textContent = message;
	box.hidden = !message;
}

async function problem(response) {
	try {
		const body = await response.json();
		return body.detail || body.title || `HTTP ${response.status}`;
	} catch {
		return `HTTP ${response.status}`;
	}
}

async function api(path, { method = 'GET', json, body, headers = {}, auth = authHeaders() } = {}) {
	const init = { method, headers: { ...auth, ...headers } };
	if (json !== undefined) {
		init.headers['Content-Type'] = 'application/json';
		init.body = JSON.stringify(json);
	} else if (body !== undefined) {
		init.body = body;
	}
	const response = await fetch(path, init);
	if (!response.ok) {
		const detail = await problem(response);
		if (response.status === 401 && !path.startsWith('/api/v1/sessions')) signOut(detail);
		throw new Error(detail);
	}
	if (response.status === 204) return null;
	const type = response.headers.get('Content-Type') || '';
	return type.includes('json') ? response.json() : response.blob();
}

async function guarded(action) {
	try {
		showError('');
		await action();
	} catch (error) {
		showError(error.message);
	}
}

// ---- sign in / out ----

async function signIn(event) {
	event.preventDefault();
	const form = event.target;
	const value = form.credential.value.trim();
	const kind = form.kind.value;
	await guarded(async () => {
		const headers = kind === 'master' ? { 'X-Master-Key': value } : { 'X-API-Key': value };
		await api('/api/v1/knowledge-bases', { auth: headers });
		sessionStorage.setItem(STORE, JSON.stringify({ kind, value }));
		form.reset();
		enter();
	});
}

function signOut(reason) {
	sessionStorage.removeItem(STORE);
	clearInterval(state.polling);
	state.kb = null;
	state.session = null;
	$('console').hidden = true;
	$('sign-in').hidden = false;
	$('sign-out').hidden = true;
	$('who').textContent = '';
	for (const id of ['kb-rows', 'doc-rows', 'search-results', 'messages', 'key-rows']) $(id).replaceChildren();
	$('documents').hidden = true;
	$('issued').hidden = true;
	$('ask-form').hidden = true;
	showError(typeof reason === 'string' ? reason : '');
	$('credential').focus();
}

function enter() {
	const c = credential();
	$('sign-in').hidden = true;
	$('console').hidden = false;
	$('sign-out').hidden = false;
	$('who').textContent = c.kind === 'master' ? 'Signed in with the master key' : 'Signed in with an API key';
	for (const tab of document.querySelectorAll('[role=tab]')) {
		const needs = tab.dataset.needs;
		tab.parentElement.hidden = needs !== undefined && needs !== c.kind;
	}
	select('knowledge');
	loadKnowledgeBases();
}

function select(view) {
	for (const tab of document.querySelectorAll('[role=tab]')) {
		const selected = tab.id === `tab-${view}`;
		tab.setAttribute('aria-selected', String(selected));
		$(tab.getAttribute('aria-controls')).hidden = !selected;
	}
	if (view === 'admin') guarded(loadKeys);
}

// ---- knowledge bases and documents ----

async function loadKnowledgeBases() {
	await guarded(async () => {
		const { knowledgeBases } = await api('/api/v1/knowledge-bases');
		$('kb-rows').replaceChildren(...knowledgeBases.map((kb) => el('tr', {},
			el('td', { text: kb.name }), el('td', { text: kb.id }), el('td', { text: kb.embeddingModel }),
			el('td', {},
				el('button', { type: 'button', text: 'Open', 'aria-label': `Open ${kb.name}`, onclick: () => openKnowledgeBase(kb) }),
				' ',
				el('button', { type: 'button', text: 'Delete', 'aria-label': `Delete ${kb.name}`, onclick: () => deleteKnowledgeBase(kb) })))));
	});
}

async function createKnowledgeBase(event) {
	event.preventDefault();
	const form = event.target;
	await guarded(async () => {
		const kb = await api('/api/v1/knowledge-bases', { method: 'POST', json: { name: form.name.value, description: form.description.value || null } });
		form.reset();
		await loadKnowledgeBases();
		openKnowledgeBase(kb);
	});
}

async function deleteKnowledgeBase(kb) {
	if (!confirm(`Delete the knowledge base ${kb.name} with all its documents?`)) return;
	await guarded(async () => {
		await api(`/api/v1/knowledge-bases/${encodeURIComponent(kb.id)}`, { method: 'DELETE' });
		if (state.kb && state.kb.id === kb.id) {
			state.kb = null;
			$('documents').hidden = true;
		}
		await loadKnowledgeBases();
	});
}

function openKnowledgeBase(kb) {
	state.kb = kb;
	state.uploads.clear();
	$('documents').hidden = false;
	$('documents-title').textContent = `Documents of ${kb.name}`;
	$('session-info').textContent = `Knowledge base: ${kb.name}`;
	clearInterval(state.polling);
	refreshDocuments();
	state.polling = setInterval(refreshDocuments, 1000);
}

function fraction(doc) {
	if (doc.status === 'READY') return 1;
	const p = doc.progress || {};
	const pages = p.pagesTotal ? p.pagesDone / p.pagesTotal : 0;
	const chunks = p.chunksTotal ? p.chunksDone / p.chunksTotal : 0;
	return Math.min(0.99, pages * 0.5 + chunks * 0.5);
}

function describe(doc) {
	const p = doc.progress || {};
	const parts = [doc.status];
	if (p.pagesTotal) parts.push(`pages ${p.pagesDone}/${p.pagesTotal}`);
	if (p.chunksTotal) parts.push(`chunks ${p.chunksDone}/${p.chunksTotal}`);
	return parts.join(', ');
}

async function refreshDocuments() {
	if (!state.kb || !credential()) return;
	try {
		const { documents } = await api(`/api/v1/knowledge-bases/${encodeURIComponent(state.kb.id)}/documents`);
		const rows = documents.map(documentRow);
		for (const [name, note] of state.uploads) {
			if (!documents.some((d) => d.id === note.id)) rows.unshift(el('li', { class: 'doc' }, el('strong', { text: name }), ' ', el('span', { text: note.text })));
		}
		$('doc-rows').replaceChildren(...rows);
	} catch (error) {
		showError(error.message);
	}
}

function documentRow(doc) {
	const bar = el('progress', { max: '100', value: String(Math.round(fraction(doc) * 100)), 'aria-label': `${doc.filename}: ${describe(doc)}` });
	const row = el('li', { class: `doc status-${doc.status.toLowerCase()}`, 'data-document': doc.id, 'data-status': doc.status },
		el('strong', { text: doc.filename }), ' ', bar, ' ', el('span', { class: 'state', text: describe(doc) }));
	const note = [...state.uploads.values()].find((u) => u.id === doc.id && u.duplicate);
	if (note) row.append(el('p', { class: 'hint', text: `Already uploaded: same bytes as document ${note.duplicate}` }));
	for (const warning of doc.warnings || []) row.append(el('p', { class: 'warning', text: `Warning: ${warning}` }));
	if (doc.error) row.append(el('p', { class: 'error-text', text: `Error: ${doc.error}` }));
	row.append(el('div', { class: 'actions' },
		el('button', { type: 'button', text: 'Open original', 'aria-label': `Open the original of ${doc.filename}`, onclick: () => openOriginal(doc) }),
		' ',
		el('button', { type: 'button', text: 'Delete', 'aria-label': `Delete ${doc.filename}`, onclick: () => deleteDocument(doc) })));
	return row;
}

async function upload(files) {
	if (!state.kb) return;
	for (const file of files) {
		state.uploads.set(file.name, { text: 'uploading…' });
		refreshDocuments();
		const form = new FormData();
		form.append('file', file, file.name);
		try {
			const { documents } = await api(`/api/v1/knowledge-bases/${encodeURIComponent(state.kb.id)}/documents`, { method: 'POST', body: form });
			const submitted = documents[0];
			state.uploads.set(file.name, { id: submitted.id, duplicate: submitted.duplicateOf, text: submitted.status });
		} catch (error) {
			state.uploads.set(file.name, { text: `refused: ${error.message}` });
		}
	}
	refreshDocuments();
}

async function openOriginal(doc) {
	await guarded(async () => {
		const blob = await api(`/api/v1/knowledge-bases/${encodeURIComponent(state.kb.id)}/documents/${encodeURIComponent(doc.id)}/content`);
		const url = URL.createObjectURL(blob);
		const link = el('a', { href: url, download: doc.filename });
		document.body.append(link);
		link.click();
		link.remove();
		setTimeout(() => URL.revokeObjectURL(url), 60000);
	});
}

async function deleteDocument(doc) {
	if (!confirm(`Delete ${doc.filename}?`)) return;
	await guarded(async () => {
		await api(`/api/v1/knowledge-bases/${encodeURIComponent(state.kb.id)}/documents/${encodeURIComponent(doc.id)}`, { method: 'DELETE' });
		refreshDocuments();
	});
}

// ---- search ----

async function search(event) {
	event.preventDefault();
	const form = event.target;
	if (!requireKnowledgeBase()) return;
	await guarded(async () => {
		const { results } = await api(`/api/v1/knowledge-bases/${encodeURIComponent(state.kb.id)}/search`, {
			method: 'POST', json: { query: form.query.value, mode: form.mode.value, topK: Number(form.topK.value) } });
		$('search-results').replaceChildren(...results.map((r) => el('li', { class: 'result' },
			el('p', { class: 'source', text: `${r.filename}, page ${r.page}${r.headingPath ? ' — ' + r.headingPath : ''} (score ${r.score.toFixed(3)})` }),
			el('p', { text: r.text }))));
		if (!results.length) $('search-results').append(el('li', { text: 'Nothing found.' }));
	});
}

function requireKnowledgeBase() {
	if (state.kb) return true;
	showError('Open a knowledge base first (Knowledge bases → Open).');
	return false;
}

// ---- chat ----

async function startSession(event) {
	event.preventDefault();
	if (!requireKnowledgeBase()) return;
	const configId = event.target.configId.value.trim();
	await guarded(async () => {
		const started = await api('/api/v1/sessions', { method: 'POST', json: configId ? { configId } : { knowledgeBase: state.kb.id } });
		state.session = started;
		$('session-info').textContent = `Session ${started.sessionId} on ${state.kb.name}`;
		$('ask-form').hidden = false;
		await loadHistory();
		$('question').focus();
	});
}

function sessionHeaders() {
	return { Authorization: `Bearer ${state.session.token}` };
}

async function loadHistory() {
	const { messages } = await api(`/api/v1/sessions/${encodeURIComponent(state.session.sessionId)}/messages?limit=100`, { auth: sessionHeaders() });
	$('messages').replaceChildren(...messages.map((m) => {
		const item = messageItem(m.role);
		renderAnswer(item, m.answer, m.citations || [], m.grounded);
		return item;
	}));
}

function messageItem(role) {
	const item = el('li', { class: `message ${role}` }, el('span', { class: 'role', text: role === 'user' ? 'You' : 'ragchat' }), el('div', { class: 'text' }));
	$('messages').append(item);
	return item;
}

function renderAnswer(item, text, citations, grounded) {
	const box = item.querySelector('.text');
	box.replaceChildren();
	const byIndex = new Map(citations.map((c) => [c.index, c]));
	let last = 0;
	for (const match of text.matchAll(/\[(\d+)]/g)) {
		box.append(text.slice(last, match.index));
		const citation = byIndex.get(Number(match[1]));
		box.append(citation ? chip(citation) : match[0]);
		last = match.index + match[0].length;
	}
	box.append(text.slice(last));
	if (grounded === false && item.classList.contains('assistant')) {
		item.classList.add('not-found');
		box.prepend(el('strong', { class: 'badge', text: 'Not in the documents' }), ' ');
	}
}

function chip(citation) {
	return el('button', {
		type: 'button', class: 'chip', 'data-index': String(citation.index),
		'aria-label': `Source ${citation.index}: ${citation.filename}, page ${citation.page}`,
		title: citation.quote || citation.snippet, text: String(citation.index),
		onclick: () => preview(citation) });
}

async function ask(event) {
	event.preventDefault();
	const form = event.target;
	const message = form.message.value.trim();
	if (!message || !state.session) return;
	form.reset();
	renderAnswer(messageItem('user'), message, [], null);
	const item = messageItem('assistant');
	item.setAttribute('aria-busy', 'true');
	let text = '';
	let citations = [];
	await guarded(async () => {
		const response = await fetch(`/api/v1/sessions/${encodeURIComponent(state.session.sessionId)}/messages`, {
			method: 'POST',
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
					item.querySelector('.text').textContent = text;
				} else if (event.name === 'citations') {
					citations = event.data;
				} else if (event.name === 'done') {
					renderAnswer(item, event.data.answer ?? text, citations, event.data.grounded);
					item.dataset.done = 'true';
				} else if (event.name === 'error') {
					throw new Error(event.data.detail || 'The answer failed');
				}
			}
		}
	});
	item.removeAttribute('aria-busy');
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

async function preview(citation) {
	const dialog = $('preview');
	$('preview-title').textContent = `Source ${citation.index}: ${citation.filename}, page ${citation.page}`;
	$('preview-quote').textContent = citation.quote || citation.snippet || '';
	const image = $('preview-image');
	image.hidden = true;
	if (image.src) URL.revokeObjectURL(image.src);
	image.removeAttribute('src');
	dialog.showModal();
	if (!citation.boxes || !citation.boxes.length) return;
	await guarded(async () => {
		const query = citation.quote ? `quote=${encodeURIComponent(citation.quote)}` : `highlight=${encodeURIComponent(citation.chunkId)}`;
		const blob = await api(`/api/v1/knowledge-bases/${encodeURIComponent(state.kb.id)}/documents/${encodeURIComponent(citation.documentId)}/pages/${citation.page}?${query}`);
		image.src = URL.createObjectURL(blob);
		image.alt = `Page ${citation.page} of ${citation.filename} with the quoted passage highlighted`;
		image.hidden = false;
	});
}

// ---- keys (master key) ----

async function loadKeys() {
	const { keys } = await api('/api/v1/keys');
	$('key-rows').replaceChildren(...keys.map((k) => el('tr', {},
		el('td', { text: k.name || k.id }), el('td', { text: (k.scopes || []).join(', ') }),
		el('td', { text: (k.knowledgeBases || []).join(', ') }), el('td', { text: k.status }),
		el('td', { text: k.lastUsedAt ? new Date(k.lastUsedAt).toLocaleString() : 'never' }),
		el('td', {}, k.status === 'ACTIVE' || k.status === 'active'
			? el('button', { type: 'button', text: 'Revoke', 'aria-label': `Revoke ${k.name || k.id}`, onclick: () => revoke(k) }) : ''))));
}

async function issueKey(event) {
	event.preventDefault();
	const form = event.target;
	await guarded(async () => {
		const scopes = [...form.querySelectorAll('input[name=scope]:checked')].map((i) => i.value);
		const knowledgeBases = form.knowledgeBases.value.split(',').map((s) => s.trim()).filter(Boolean);
		const issued = await api('/api/v1/keys', { method: 'POST', json: {
			name: form.name.value || null, scopes, knowledgeBases, ttlSeconds: Number(form.ttlSeconds.value) } });
		$('issued-key').textContent = issued.key;
		$('issued').hidden = false;
		$('copy-key').focus();
		await loadKeys();
	});
}

async function revoke(key) {
	if (!confirm(`Revoke ${key.name || key.id}? It stops working at once.`)) return;
	await guarded(async () => {
		await api(`/api/v1/keys/${encodeURIComponent(key.id)}`, { method: 'DELETE' });
		await loadKeys();
	});
}

// ---- wiring ----

$('sign-in-form').addEventListener('submit', signIn);
$('sign-out').addEventListener('click', () => signOut());
$('kb-create').addEventListener('submit', createKnowledgeBase);
$('search-form').addEventListener('submit', search);
$('session-form').addEventListener('submit', startSession);
$('ask-form').addEventListener('submit', ask);
$('key-form').addEventListener('submit', issueKey);
$('copy-key').addEventListener('click', () => navigator.clipboard.writeText($('issued-key').textContent)
	.then(() => showError(''), () => showError('Copy failed: select the key and copy it by hand')));
$('files').addEventListener('change', (e) => { upload([...e.target.files]); e.target.value = ''; });
const drop = $('drop');
drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (e) => { e.preventDefault(); drop.classList.remove('over'); upload([...e.dataTransfer.files]); });
for (const tab of document.querySelectorAll('[role=tab]')) {
	tab.addEventListener('click', () => select(tab.id.slice(4)));
}

if (credential()) enter();
