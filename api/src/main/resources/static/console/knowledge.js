// Knowledge bases, their documents and the upload queue.
import { $, api, bytes, credential, el, guarded, kbPath, showError, state, when } from './core.js';
import { openDocument } from './viewer.js';
import { forgetSources, loadSources, whenDocumentsChange } from './sources.js';

const FINAL = new Set(['READY', 'FAILED']);
const listeners = [];
const uploads = new Map();
// documents whose version history is open, with their versions once loaded
const histories = new Map();
let timer = null;
let latest = [];

whenDocumentsChange(() => refreshDocuments());

/** Tells the other views when the list of knowledge bases changed. */
export function onKnowledgeBases(listener) {
	listeners.push(listener);
}

export async function loadKnowledgeBases() {
	await guarded(async () => {
		const { knowledgeBases } = await api('/api/v1/knowledge-bases');
		state.knowledgeBases = knowledgeBases;
		$('kb-rows').replaceChildren(...knowledgeBases.map((kb) => el('tr', { 'data-kb': kb.id },
			el('td', { text: kb.name }), el('td', { text: kb.id }), el('td', { text: kb.embeddingModel }),
			el('td', {},
				el('button', { type: 'button', text: 'Open', 'aria-label': `Open ${kb.name}`, onclick: () => openKnowledgeBase(kb) }),
				' ',
				el('button', { type: 'button', class: 'quiet', text: 'Delete', 'aria-label': `Delete ${kb.name}`, onclick: () => deleteKnowledgeBase(kb) })))));
		for (const select of document.querySelectorAll('select.kb-select')) fillKnowledgeBases(select);
		for (const listener of listeners) listener(knowledgeBases);
	});
}

function fillKnowledgeBases(select) {
	const chosen = select.value || (state.kb && state.kb.id);
	select.replaceChildren(...state.knowledgeBases.map((kb) => el('option', { value: kb.id, text: kb.name })));
	if (chosen && state.knowledgeBases.some((kb) => kb.id === chosen)) select.value = chosen;
}

function sameName(name) {
	const wanted = name.trim().toLowerCase();
	return state.knowledgeBases.find((kb) => kb.name.trim().toLowerCase() === wanted);
}

/** Warns while a name is typed that a knowledge base already has it. */
export function checkName() {
	const form = $('kb-create');
	const existing = sameName(form.name.value);
	const warning = $('kb-name-warning');
	warning.hidden = !existing;
	warning.textContent = existing
		? `A knowledge base named “${existing.name}” already exists (${existing.id}). Names need not be unique, ids are: press “Create anyway” to make a second one.`
		: '';
	$('kb-create-button').textContent = existing ? 'Create anyway' : 'Create';
}

export async function createKnowledgeBase(event) {
	event.preventDefault();
	const form = event.target;
	await guarded(async () => {
		const kb = await api('/api/v1/knowledge-bases', { method: 'POST', json: { name: form.name.value, description: form.description.value || null } });
		form.reset();
		checkName();
		await loadKnowledgeBases();
		openKnowledgeBase(kb);
	});
}

async function deleteKnowledgeBase(kb) {
	if (!confirm(`Delete the knowledge base ${kb.name} with all its documents?`)) return;
	await guarded(async () => {
		await api(kbPath(kb.id), { method: 'DELETE' });
		if (state.kb && state.kb.id === kb.id) {
			state.kb = null;
			$('documents').hidden = true;
			$('sources').hidden = true;
			forgetSources();
		}
		await loadKnowledgeBases();
	});
}

export function openKnowledgeBase(kb) {
	state.kb = kb;
	uploads.clear();
	histories.clear();
	$('documents').hidden = false;
	$('documents').dataset.kb = kb.id;
	$('documents-title').textContent = `Documents of ${kb.name}`;
	for (const select of document.querySelectorAll('select.kb-select:not(:disabled)')) select.value = kb.id;
	refreshDocuments();
	loadSources(kb.id);
}

/** Stops polling (signed out). */
export function forgetDocuments() {
	clearTimeout(timer);
	timer = null;
	uploads.clear();
	histories.clear();
	latest = [];
	$('doc-rows').dataset.polling = 'off';
	forgetSources();
}

/**
 * Polls the list once a second only while something is on its way (an upload, a document
 * not READY or FAILED) and the documents are on screen; otherwise not at all.
 */
function schedule() {
	clearTimeout(timer);
	timer = null;
	const busy = uploads.size > 0 && [...uploads.values()].some((u) => u.pending)
		|| latest.some((d) => !FINAL.has(d.status));
	const visible = !$('view-knowledge').hidden && !$('documents').hidden;
	const polling = busy && visible && state.kb && credential();
	$('doc-rows').dataset.polling = polling ? 'on' : 'off';
	if (polling) timer = setTimeout(refreshDocuments, 1000);
}

/** The knowledge view came back on screen: look again, poll again if needed. */
export function documentsShown() {
	if (state.kb) {
		refreshDocuments();
		loadSources(state.kb.id);
	}
}

export function documentsHidden() {
	schedule();
}

export async function refreshDocuments() {
	if (!state.kb || !credential()) return;
	try {
		const { documents } = await api(`${kbPath(state.kb.id)}/documents`);
		latest = documents;
		render(documents);
	} catch (error) {
		showError(error.message);
	}
	schedule();
}

function render(documents) {
	const queued = documents.filter((d) => d.status === 'QUEUED')
		.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
	const rows = documents.map((doc) => documentRow(doc, queued, documents));
	for (const [name, note] of uploads) {
		if (!note.id || !documents.some((d) => d.id === note.id)) {
			rows.unshift(el('li', { class: `doc status-${note.pending ? 'uploading' : 'refused'}`, 'data-upload': name },
				el('strong', { text: name }), ' ', el('span', { class: 'size', text: bytes(note.size) }), ' ',
				note.pending ? el('progress', { 'aria-label': `${name}: uploading` }) : '',
				' ', el('span', { class: 'state', text: note.text })));
		}
	}
	$('doc-rows').replaceChildren(...rows);
	summarise(documents);
}

function summarise(documents) {
	const total = documents.length + [...uploads.values()].filter((u) => u.pending).length;
	const done = documents.filter((d) => FINAL.has(d.status));
	const box = $('queue-summary');
	box.hidden = total === 0;
	const share = total ? documents.reduce((sum, d) => sum + fraction(d), 0) / total : 0;
	$('queue-progress').value = Math.round(share * 100);
	const failed = documents.filter((d) => d.status === 'FAILED').length;
	$('queue-text').textContent = `${done.length} of ${total} done` + (failed ? `, ${failed} failed` : '');
}

function fraction(doc) {
	if (FINAL.has(doc.status)) return 1;
	const p = doc.progress || {};
	const pages = p.pagesTotal ? p.pagesDone / p.pagesTotal : 0;
	const chunks = p.chunksTotal ? p.chunksDone / p.chunksTotal : 0;
	return Math.min(0.99, pages * 0.5 + chunks * 0.5);
}

function describe(doc, queued, documents) {
	const p = doc.progress || {};
	const parts = [doc.status];
	if (doc.status === 'QUEUED') {
		const position = queued.findIndex((d) => d.id === doc.id) + 1;
		parts.push(`${position} of ${queued.length} in line here`);
		const estimate = estimateSeconds(documents, position);
		if (estimate) parts.push(`starts in about ${estimate} s`);
	}
	if (p.pagesTotal) parts.push(`pages ${p.pagesDone}/${p.pagesTotal}`);
	if (p.chunksTotal) parts.push(`chunks ${p.chunksDone}/${p.chunksTotal}`);
	return parts.join(', ');
}

/** From how long the documents READY here took, how long until the n-th queued one starts. */
function estimateSeconds(documents, position) {
	const took = documents.filter((d) => d.status === 'READY' && d.readyAt)
		.map((d) => (Date.parse(d.readyAt) - Date.parse(d.createdAt)) / 1000)
		.filter((s) => s > 0);
	if (!took.length) return null;
	const mean = took.reduce((a, b) => a + b, 0) / took.length;
	return Math.max(1, Math.round(mean * position));
}

function documentRow(doc, queued, documents) {
	const status = describe(doc, queued, documents);
	const row = el('li', { class: `doc status-${doc.status.toLowerCase()}`, 'data-document': doc.id, 'data-status': doc.status },
		el('strong', { text: doc.filename }), ' ',
		el('span', { class: 'size', text: bytes(doc.sizeBytes) }), ' ',
		el('time', { class: 'date', datetime: doc.updatedAt || doc.createdAt, text: when(doc.updatedAt || doc.createdAt) }), ' ',
		el('button', { type: 'button', class: 'quiet version', text: `v${doc.version || 1}`, 'aria-expanded': String(histories.has(doc.id)),
			'aria-label': `Version ${doc.version || 1} of ${doc.filename}: show its history`, onclick: () => toggleHistory(doc) }), ' ');
	if (doc.metadata && doc.metadata.source && doc.metadata.path) {
		row.append(el('span', { class: 'size synced', text: `synced: ${doc.metadata.path}` }), ' ');
	}
	if (doc.status !== 'FAILED') {
		row.append(el('progress', { max: '100', value: String(Math.round(fraction(doc) * 100)), 'aria-label': `${doc.filename}: ${status}` }), ' ');
	}
	row.append(el('span', { class: 'state', text: status }));
	const note = [...uploads.values()].find((u) => u.id === doc.id && u.duplicate);
	if (note) row.append(el('p', { class: 'hint', text: `Already uploaded: same bytes as document ${note.duplicate}` }));
	// a reason is shown once: a warning that repeats the error is the error
	for (const warning of (doc.warnings || []).filter((w) => w !== doc.error)) {
		row.append(el('p', { class: 'warning', text: `Warning: ${warning}` }));
	}
	if (doc.error) row.append(el('p', { class: 'error-text', text: `Failed: ${doc.error}` }));
	const actions = el('div', { class: 'actions' });
	if (doc.status === 'READY') {
		actions.append(el('button', { type: 'button', text: 'View', 'aria-label': `View ${doc.filename}`, onclick: () => openDocument(state.kb.id, doc, 1) }), ' ',
			el('button', { type: 'button', class: 'quiet reingest', text: 'Re-ingest', 'aria-label': `Ingest ${doc.filename} again`, onclick: () => reingest(doc) }), ' ');
	}
	if (doc.status === 'FAILED') {
		actions.append(el('button', { type: 'button', class: 'retry', text: 'Retry', 'aria-label': `Retry ${doc.filename}`, onclick: () => retry(doc) }), ' ');
	}
	actions.append(
		el('button', { type: 'button', class: 'quiet', text: 'Download', 'aria-label': `Download the original of ${doc.filename}`, onclick: () => download(doc) }),
		' ',
		el('button', { type: 'button', class: 'quiet', text: 'Delete', 'aria-label': `Delete ${doc.filename}`, onclick: () => deleteDocument(doc) }));
	row.append(actions);
	if (histories.has(doc.id)) row.append(historyList(doc, histories.get(doc.id)));
	return row;
}

/** Opens or closes a document's version history (oldest first, the current one last). */
async function toggleHistory(doc) {
	if (histories.has(doc.id)) {
		histories.delete(doc.id);
		render(latest);
		return;
	}
	await guarded(async () => {
		const { versions } = await api(`${kbPath(state.kb.id)}/documents/${encodeURIComponent(doc.id)}/versions`);
		histories.set(doc.id, versions);
		render(latest);
	});
}

function historyList(doc, versions) {
	return el('ol', { class: 'versions', 'aria-label': `Versions of ${doc.filename}` }, ...versions.map((v) => el('li', { class: 'hint', 'data-version': String(v.version) },
		`v${v.version}${v.current ? ' (current)' : ''}: ${v.filename}, ${bytes(v.sizeBytes)}, uploaded ${when(v.uploadedAt)}`
		+ (v.readyAt ? `, ready ${when(v.readyAt)}` : v.current ? `, ${v.status}` : ', never ready')
		+ (v.supersededAt ? `, replaced ${when(v.supersededAt)}` : ''))));
}

export async function upload(files) {
	if (!state.kb) {
		showError('Open a knowledge base first (Knowledge bases → Open), then drop the files.');
		return;
	}
	const kb = state.kb.id;
	for (const file of files) uploads.set(file.name, { size: file.size, pending: true, text: 'waiting to upload' });
	refreshDocuments();
	for (const file of files) {
		uploads.set(file.name, { size: file.size, pending: true, text: 'uploading…' });
		render(latest);
		const form = new FormData();
		form.append('file', file, file.name);
		try {
			const { documents } = await api(`${kbPath(kb)}/documents`, { method: 'POST', body: form });
			const submitted = documents[0];
			uploads.set(file.name, { size: file.size, id: submitted.id, duplicate: submitted.duplicateOf, text: submitted.status });
		} catch (error) {
			uploads.set(file.name, { size: file.size, text: `refused: ${error.message}` });
		}
	}
	refreshDocuments();
}

/** The same bytes again: the server replaces the FAILED document with the new one. */
async function retry(doc) {
	await guarded(async () => {
		const blob = await api(`${kbPath(state.kb.id)}/documents/${encodeURIComponent(doc.id)}/content`);
		await upload([new File([blob], doc.filename, { type: doc.mediaType })]);
	});
}

/** Reads a READY document again (its chunks stay searchable until the new ones are in). */
async function reingest(doc) {
	await guarded(async () => {
		await api(`${kbPath(state.kb.id)}/documents/${encodeURIComponent(doc.id)}/reingest`, { method: 'POST' });
		refreshDocuments();
	});
}

async function download(doc) {
	await guarded(async () => {
		const blob = await api(`${kbPath(state.kb.id)}/documents/${encodeURIComponent(doc.id)}/content`);
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
		await api(`${kbPath(state.kb.id)}/documents/${encodeURIComponent(doc.id)}`, { method: 'DELETE' });
		refreshDocuments();
	});
}

/** Files dropped anywhere on the page go to the open knowledge base. */
export function dropAnywhere() {
	const over = (on) => document.body.classList.toggle('dragging', on);
	document.addEventListener('dragover', (e) => {
		if (!e.dataTransfer || ![...e.dataTransfer.types].includes('Files')) return;
		e.preventDefault();
		over(true);
	});
	document.addEventListener('dragleave', (e) => { if (!e.relatedTarget) over(false); });
	document.addEventListener('drop', (e) => {
		if (!e.dataTransfer || !e.dataTransfer.files.length) return;
		e.preventDefault();
		over(false);
		upload([...e.dataTransfer.files]);
	});
}
