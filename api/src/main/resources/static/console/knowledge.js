// Knowledge bases, their documents and the upload queue. The document list is paged,
// sorted and searched by name on the server (GET …/documents?q&sort&offset&limit); an
// upload whose file name a document already has asks whether to replace that document
// (its next version) or keep both; metadata goes with uploads and can be changed later
// (PATCH, a new version); several documents can be deleted at once. Actions the key's
// scopes do not allow carry data-needs-scope and are not shown (console.css).
import { $, api, bytes, credential, el, guarded, kbPath, may, mayIn, scopesIn, showError, showFailure, state, when } from './core.js';
import { openDocument } from './viewer.js';
import { forgetSources, loadSources, whenDocumentsChange } from './sources.js';
import { forgetSharing, loadSharing } from './sharing.js';
import { forgetEmbedding, loadEmbedding } from './embedding.js';

const FINAL = new Set(['READY', 'FAILED']);
const PAGE_SIZE = 25;
const listeners = [];
// the current batch of uploads, by a key of its own (two files may share a name): what
// the overall counter counts; a new batch starts when every file of the last one is settled
const uploads = new Map();
let uploadCount = 0;
// documents whose version history is open, with their versions once loaded
const histories = new Map();
// documents ticked for a bulk delete
const selected = new Set();
const listing = { q: '', sort: '-date', offset: 0, limit: PAGE_SIZE, total: 0, queued: 0 };
let limits = null;
let timer = null;
let searchTimer = null;
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
		$('kb-rows').replaceChildren(...knowledgeBases.map((kb) => el('tr', { 'data-kb': kb.id, 'data-kb-scopes': scopesIn(kb.id).join(' ') },
			el('td', { text: kb.name }), el('td', { text: kb.id }), el('td', { text: kb.embeddingModel }),
			el('td', {},
				el('button', { type: 'button', text: 'Open', 'aria-label': `Open ${kb.name}`, onclick: () => openKnowledgeBase(kb) }),
				' ',
				el('button', { type: 'button', class: 'quiet', text: 'Delete', 'aria-label': `Delete ${kb.name}`, 'data-needs-scope': 'admin',
					onclick: () => deleteKnowledgeBase(kb) })))));
		$('kb-table').hidden = !knowledgeBases.length;
		emptyState(!knowledgeBases.length);
		for (const select of document.querySelectorAll('select.kb-select')) fillKnowledgeBases(select);
		for (const listener of listeners) listener(knowledgeBases);
	});
}

/**
 * What someone who sees no knowledge base is told: who can share one with them (a person
 * granted nothing: an administrator, or whoever manages a knowledge base, given their id
 * or a group of theirs), or that they may create one (the Create form, shown where the
 * server lets them: the admin scope, which a person has when they manage a knowledge
 * base or are in an admin group; what a person creates, they manage).
 */
function emptyState(empty) {
	const box = $('kb-empty');
	box.hidden = !empty;
	if (!empty) {
		box.replaceChildren();
		return;
	}
	const p = (text) => el('p', { text });
	if (may('admin')) {
		box.replaceChildren(el('strong', { text: 'No knowledge base yet.' }),
			p(state.person ? 'Create one below: you manage what you create, and may share it.' : 'Create the first one below.'));
	} else if (state.person) {
		const person = state.person;
		const copy = el('button', { type: 'button', class: 'quiet', id: 'copy-person-id', text: 'Copy my id',
			onclick: () => navigator.clipboard.writeText(person.id).then(() => { copy.textContent = 'Copied'; },
				() => showError('Copy failed: select the id and copy it by hand')) });
		box.replaceChildren(el('strong', { text: 'Nothing has been shared with you yet.' }),
			p('An administrator, or whoever manages a knowledge base, can share one with you: with you by your id, or with a group you are in. Ask them, naming your id:'),
			el('p', {}, el('code', { id: 'person-id', text: person.id }), ' ', copy),
			p(person.groups.length ? `Your groups, as your identity provider names them: ${person.groups.join(', ')}.`
				: 'Your identity provider names no group of yours.'),
			p('Once something is shared with you, sign in again or reload this page to see it.'));
	} else {
		box.replaceChildren(el('strong', { text: 'This key may use no knowledge base.' }),
			p('Knowledge bases are created with the master key or a key with the admin scope; ask whoever gave you this key for one that may use yours.'));
	}
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
			forgetSharing();
			forgetEmbedding();
		}
		await loadKnowledgeBases();
	});
}

export function openKnowledgeBase(kb) {
	state.kb = kb;
	uploads.clear();
	histories.clear();
	selected.clear();
	Object.assign(listing, { q: '', offset: 0 });
	$('doc-search').value = '';
	$('documents').hidden = false;
	$('documents').dataset.kb = kb.id;
	// what may be done here: a person's grants differ from one knowledge base to the next
	$('documents').dataset.kbScopes = scopesIn(kb.id).join(' ');
	$('documents-title').textContent = `Documents of ${kb.name}`;
	for (const select of document.querySelectorAll('select.kb-select:not(:disabled)')) select.value = kb.id;
	refreshDocuments();
	// sources only where they may be used (upload here), never asked for otherwise
	loadSources(kb.id);
	loadSharing(kb.id);
	loadEmbedding(kb.id);
	// on a narrow screen the documents come first (console.css): shown, not scrolled past
	if (matchMedia('(max-width: 600px)').matches) $('documents').scrollIntoView({ block: 'start' });
}

/** Stops polling (signed out). */
export function forgetDocuments() {
	clearTimeout(timer);
	timer = null;
	uploads.clear();
	histories.clear();
	selected.clear();
	latest = [];
	limits = null;
	$('doc-rows').dataset.polling = 'off';
	forgetSources();
	forgetSharing();
	forgetEmbedding();
}

/**
 * Polls the list once a second only while something is on its way (an upload, a document
 * of the batch or of the page not READY or FAILED) and the documents are on screen;
 * otherwise not at all.
 */
function schedule() {
	clearTimeout(timer);
	timer = null;
	const busy = [...uploads.values()].some((u) => u.pending || (u.id && !FINAL.has(u.status)))
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
	const kb = state.kb.id;
	try {
		const query = new URLSearchParams({ sort: listing.sort, offset: String(listing.offset), limit: String(listing.limit) });
		if (listing.q) query.set('q', listing.q);
		const list = await api(`${kbPath(kb)}/documents?${query}`);
		if (!state.kb || state.kb.id !== kb) return;
		if (list.documents.length === 0 && listing.offset > 0 && list.total > 0) {
			// the last page emptied (deleted documents): show the one before
			listing.offset = Math.max(0, Math.floor((list.total - 1) / listing.limit) * listing.limit);
			await refreshDocuments();
			return;
		}
		latest = list.documents;
		Object.assign(listing, { total: list.total, queued: list.queued || 0 });
		limits = list.limits || limits;
		await followBatch(kb);
		render();
	} catch (error) {
		showFailure(error);
	}
	schedule();
}

/** The batch's documents take their status from the page, or, off the page, from the API. */
async function followBatch(kb) {
	const missing = [];
	for (const note of uploads.values()) {
		if (!note.id) continue;
		const doc = latest.find((d) => d.id === note.id);
		if (doc) note.status = doc.status;
		else if (!FINAL.has(note.status)) missing.push(note);
	}
	// a bounded number a round: the rest are looked at in the next one
	await Promise.all(missing.slice(0, 10).map(async (note) => {
		try {
			const doc = await api(`${kbPath(kb)}/documents/${encodeURIComponent(note.id)}`);
			note.status = doc.status;
			note.fraction = fraction(doc);
		} catch {
			note.status = 'FAILED';
		}
	}));
}

function render() {
	const rows = latest.map((doc) => documentRow(doc));
	for (const [key, note] of uploads) {
		if (!note.id || (!latest.some((d) => d.id === note.id) && note.refused)) {
			rows.unshift(el('li', { class: `doc status-${note.pending ? 'uploading' : 'refused'}`, 'data-upload': note.name, 'data-key': key },
				el('strong', { text: note.name }), ' ', el('span', { class: 'size', text: bytes(note.size) }), ' ',
				note.pending ? el('progress', { 'aria-label': `${note.name}: uploading` }) : '',
				' ', el('span', { class: 'state', text: note.text })));
		}
	}
	if (!rows.length) rows.push(el('li', { class: 'hint empty', text: listing.q ? `No document’s name holds “${listing.q}”.` : 'No documents yet.' }));
	$('doc-rows').replaceChildren(...rows);
	for (const id of [...selected]) if (!latest.some((d) => d.id === id)) selected.delete(id);
	pager();
	bulkState();
	summarise();
	$('upload-limit').textContent = limits ? `Up to ${bytes(limits.maxFileBytes)} a file; larger files are refused here, before they are sent.` : '';
}

function pager() {
	const { offset, limit, total } = listing;
	$('doc-pager').hidden = total <= limit && offset === 0;
	$('doc-page').textContent = total ? `${offset + 1}–${Math.min(total, offset + latest.length)} of ${total}` : '0 of 0';
	$('doc-prev').disabled = offset === 0;
	$('doc-next').disabled = offset + limit >= total;
}

/** The counter of the current batch: its files done, refused and failed, never other documents. */
function summarise() {
	const batch = [...uploads.values()];
	const box = $('queue-summary');
	box.hidden = batch.length === 0;
	if (!batch.length) return;
	const refused = batch.filter((u) => u.refused).length;
	const done = batch.filter((u) => u.id && FINAL.has(u.status)).length;
	const failed = batch.filter((u) => u.id && u.status === 'FAILED').length;
	const share = batch.reduce((sum, u) => sum + (u.refused || (u.id && FINAL.has(u.status)) ? 1
		: u.id ? (latestFraction(u.id) ?? u.fraction ?? 0) : 0), 0) / batch.length;
	$('queue-progress').value = Math.round(share * 100);
	$('queue-text').textContent = `${done} of ${batch.length} done` + (refused ? `, ${refused} refused` : '')
		+ (failed ? `, ${failed} failed` : '');
}

function latestFraction(id) {
	const doc = latest.find((d) => d.id === id);
	return doc ? fraction(doc) : null;
}

function fraction(doc) {
	if (FINAL.has(doc.status)) return 1;
	const p = doc.progress || {};
	const pages = p.pagesTotal ? p.pagesDone / p.pagesTotal : 0;
	const chunks = p.chunksTotal ? p.chunksDone / p.chunksTotal : 0;
	return Math.min(0.99, pages * 0.5 + chunks * 0.5);
}

function describe(doc) {
	const p = doc.progress || {};
	const parts = [doc.status];
	if (doc.status === 'QUEUED') {
		// its place among the knowledge base's queued documents, from the server (the list is paged)
		const position = doc.placeInLine || 1;
		parts.push(`${position} of ${Math.max(listing.queued, position)} in line here`);
		const estimate = estimateSeconds(position);
		if (estimate) parts.push(`starts in about ${estimate} s`);
	}
	if (p.pagesTotal) parts.push(`pages ${p.pagesDone}/${p.pagesTotal}`);
	if (p.chunksTotal) parts.push(`chunks ${p.chunksDone}/${p.chunksTotal}`);
	return parts.join(', ');
}

/** From how long the documents READY here took, how long until the n-th queued one starts. */
function estimateSeconds(position) {
	const took = latest.filter((d) => d.status === 'READY' && d.readyAt)
		.map((d) => (Date.parse(d.readyAt) - Date.parse(d.updatedAt || d.createdAt)) / 1000)
		.filter((s) => s > 0);
	if (!took.length) return null;
	const mean = took.reduce((a, b) => a + b, 0) / took.length;
	return Math.max(1, Math.round(mean * position));
}

/** The caller's own metadata of a document (not what sync adds), as "key: value" pairs. */
function ownMetadata(doc) {
	const meta = doc.metadata && typeof doc.metadata === 'object' ? doc.metadata : {};
	return Object.entries(meta).filter(([k, v]) => !(doc.metadata.source && (k === 'source' || k === 'path')) && (v === null || typeof v !== 'object'));
}

function documentRow(doc) {
	const status = describe(doc);
	const row = el('li', { class: `doc status-${doc.status.toLowerCase()}`, 'data-document': doc.id, 'data-status': doc.status, 'data-version': String(doc.version || 1) },
		el('input', { type: 'checkbox', class: 'select', 'data-needs-scope': 'upload', 'aria-label': `Select ${doc.filename}`,
			checked: selected.has(doc.id), onchange: (e) => { if (e.target.checked) selected.add(doc.id); else selected.delete(doc.id); bulkState(); } }), ' ',
		el('strong', { class: 'name', text: doc.filename }), ' ',
		el('span', { class: 'size', text: bytes(doc.sizeBytes) }), ' ',
		el('time', { class: 'date', datetime: doc.updatedAt || doc.createdAt, text: when(doc.updatedAt || doc.createdAt) }), ' ',
		el('button', { type: 'button', class: 'quiet version', text: `v${doc.version || 1}`, 'aria-expanded': String(histories.has(doc.id)),
			'aria-label': `Version ${doc.version || 1} of ${doc.filename}: show its history`, onclick: () => toggleHistory(doc) }), ' ');
	if (doc.metadata && doc.metadata.source && doc.metadata.path) {
		row.append(el('span', { class: 'size synced', text: `synced: ${doc.metadata.path}` }), ' ');
	}
	const own = ownMetadata(doc);
	if (own.length) {
		row.append(el('span', { class: 'tags', 'aria-label': `Metadata of ${doc.filename}` },
			...own.map(([k, v]) => el('span', { class: 'tag', text: `${k}: ${v}` }))), ' ');
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
	const settled = FINAL.has(doc.status);
	if (doc.status === 'READY') {
		actions.append(el('button', { type: 'button', text: 'View', 'aria-label': `View ${doc.filename}`, onclick: () => openDocument(state.kb.id, doc, 1) }), ' ',
			el('button', { type: 'button', class: 'quiet reingest', text: 'Re-ingest', 'aria-label': `Ingest ${doc.filename} again`, 'data-needs-scope': 'upload',
				onclick: () => reingest(doc) }), ' ');
	}
	if (doc.status === 'FAILED') {
		actions.append(el('button', { type: 'button', class: 'retry', text: 'Retry', 'aria-label': `Retry ${doc.filename}`, 'data-needs-scope': 'upload',
			onclick: () => retry(doc) }), ' ');
	}
	if (settled) {
		actions.append(el('button', { type: 'button', class: 'quiet replace', text: 'Replace', 'data-needs-scope': 'upload',
			'aria-label': `Replace ${doc.filename} with a new version`, onclick: () => pickReplacement(doc) }), ' ',
		el('button', { type: 'button', class: 'quiet metadata', text: 'Metadata', 'data-needs-scope': 'upload',
			'aria-label': `Edit the metadata of ${doc.filename}`, onclick: () => editMetadata(doc) }), ' ');
	}
	actions.append(
		el('button', { type: 'button', class: 'quiet', text: 'Download', 'aria-label': `Download the original of ${doc.filename}`, onclick: () => download(doc) }),
		' ',
		el('button', { type: 'button', class: 'quiet delete', text: 'Delete', 'aria-label': `Delete ${doc.filename}`, 'data-needs-scope': 'upload',
			onclick: () => deleteDocument(doc) }));
	row.append(actions);
	if (histories.has(doc.id)) row.append(historyList(doc, histories.get(doc.id)));
	return row;
}

/** Opens or closes a document's version history (oldest first, the current one last). */
async function toggleHistory(doc) {
	if (histories.has(doc.id)) {
		histories.delete(doc.id);
		render();
		return;
	}
	await guarded(async () => {
		const { versions } = await api(`${kbPath(state.kb.id)}/documents/${encodeURIComponent(doc.id)}/versions`);
		histories.set(doc.id, versions);
		render();
	});
}

function historyList(doc, versions) {
	return el('ol', { class: 'versions', 'aria-label': `Versions of ${doc.filename}` }, ...versions.map((v) => el('li', { class: 'hint', 'data-version': String(v.version) },
		`v${v.version}${v.current ? ' (current)' : ''}: ${v.filename}, ${bytes(v.sizeBytes)}, uploaded ${when(v.uploadedAt)}`
		+ (v.readyAt ? `, ready ${when(v.readyAt)}` : v.current ? `, ${v.status}` : ', never ready')
		+ (v.supersededAt ? `, replaced ${when(v.supersededAt)}` : ''))));
}

// ---- metadata: key and value pairs ----

const KEY = /^[A-Za-z0-9_-]{1,64}$/;

function pairRow(container, key = '', value = '') {
	const n = container.children.length + 1;
	const prefix = container.id;
	const row = el('div', { class: 'pair' },
		el('label', { for: `${prefix}-key-${n}`, class: 'sr-only', text: `Key ${n}` }),
		el('input', { id: `${prefix}-key-${n}`, class: 'pair-key', maxlength: '64', placeholder: 'key', value: key }),
		el('label', { for: `${prefix}-value-${n}`, class: 'sr-only', text: `Value ${n}` }),
		el('input', { id: `${prefix}-value-${n}`, class: 'pair-value', maxlength: '1000', placeholder: 'value', value: String(value) }),
		el('button', { type: 'button', class: 'quiet', text: '×', 'aria-label': `Remove field ${n}`, onclick: () => row.remove() }));
	container.append(row);
	return row;
}

/**
 * @returns the pairs as an object (digits as numbers, true and false as booleans), or
 * null when there are none
 * @throws Error naming a key that a filter could not use
 */
function readPairs(container) {
	const out = {};
	for (const row of container.querySelectorAll('.pair')) {
		const key = row.querySelector('.pair-key').value.trim();
		const raw = row.querySelector('.pair-value').value.trim();
		if (!key && !raw) continue;
		if (!KEY.test(key)) throw new Error(`Metadata key “${key}”: use 1 to 64 letters, digits, _ or -`);
		out[key] = /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw === 'true' ? true : raw === 'false' ? false : raw;
	}
	return Object.keys(out).length ? out : null;
}

function editMetadata(doc) {
	const rows = $('metadata-rows');
	rows.replaceChildren();
	for (const [k, v] of ownMetadata(doc)) pairRow(rows, k, v ?? '');
	if (!rows.children.length) pairRow(rows);
	const form = $('metadata-form');
	form.dataset.doc = doc.id;
	$('metadata-title').textContent = `Metadata of ${doc.filename}`;
	$('metadata-dialog').showModal();
	rows.querySelector('input').focus();
}

async function saveMetadata(event) {
	event.preventDefault();
	const id = event.target.dataset.doc;
	const doc = latest.find((d) => d.id === id);
	await guarded(async () => {
		const own = readPairs($('metadata-rows')) || {};
		// what sync keeps (source, path) stays as it is
		const kept = doc && doc.metadata && doc.metadata.source ? { source: doc.metadata.source, path: doc.metadata.path } : {};
		await api(`${kbPath(state.kb.id)}/documents/${encodeURIComponent(id)}`, { method: 'PATCH', json: { metadata: { ...own, ...kept } } });
		$('metadata-dialog').close();
		refreshDocuments();
	});
}

// ---- uploads ----

const settledBatch = () => [...uploads.values()].every((u) => u.refused || (u.id && FINAL.has(u.status)));

function tooLarge(file) {
	return limits && file.size > limits.maxFileBytes
		? `refused: ${bytes(file.size)} is more than the ${bytes(limits.maxFileBytes)} a file may have; nothing was sent` : null;
}

/** A current document with this file name (the most recent), if any. */
async function namesake(kb, name) {
	const query = new URLSearchParams({ q: name, sort: '-date', limit: '50' });
	const { documents } = await api(`${kbPath(kb)}/documents?${query}`);
	const wanted = name.trim().toLowerCase();
	return documents.find((d) => d.filename.trim().toLowerCase() === wanted) || null;
}

/** Asks what to do with a file a document's name already has: replace, both or skip. */
function askSameName(name, existing) {
	const dialog = $('same-name');
	$('same-name-text').textContent = `“${existing.filename}” is already in ${state.kb.name} (version ${existing.version || 1}, ${bytes(existing.sizeBytes)}, ${when(existing.updatedAt || existing.createdAt)}). `
		+ `Replace it with “${name}” as its next version (the old one stays searchable until the new one is ready), or keep both as separate documents?`;
	return new Promise((resolve) => {
		dialog.addEventListener('close', () => resolve(dialog.returnValue || 'skip'), { once: true });
		dialog.returnValue = '';
		dialog.showModal();
		$('same-name-replace').focus();
	});
}

function metadataPart() {
	const meta = readPairs($('upload-metadata-rows'));
	return meta ? new Blob([JSON.stringify(meta)], { type: 'application/json' }) : null;
}

export async function upload(files) {
	if (!state.kb) {
		showError('Open a knowledge base first (Knowledge bases → Open), then drop the files.');
		return;
	}
	if (!mayIn('upload', state.kb.id)) {
		showError(state.person ? `You may not upload to ${state.kb.name}: your grants there do not include upload.`
			: 'This key may not upload (it lacks the upload scope).');
		return;
	}
	let metadata;
	try {
		metadata = metadataPart();
	} catch (error) {
		showError(error.message);
		return;
	}
	const kb = state.kb.id;
	if (settledBatch()) uploads.clear();
	const mine = [];
	for (const file of files) {
		const key = `u${++uploadCount}`;
		const refusal = tooLarge(file);
		uploads.set(key, refusal ? { name: file.name, size: file.size, refused: true, text: refusal }
			: { name: file.name, size: file.size, pending: true, text: 'waiting to upload' });
		if (!refusal) mine.push([key, file]);
	}
	render();
	schedule();
	for (const [key, file] of mine) {
		const note = uploads.get(key);
		try {
			const existing = await namesake(kb, file.name);
			const choice = existing ? await askSameName(file.name, existing) : 'both';
			if (choice === 'skip') {
				uploads.delete(key);
				render();
				continue;
			}
			Object.assign(note, { text: 'uploading…' });
			render();
			await send(kb, key, file, metadata, choice === 'replace' ? existing : null);
		} catch (error) {
			uploads.set(key, { name: file.name, size: file.size, refused: true, text: `refused: ${error.message}` });
		}
	}
	refreshDocuments();
}

/** Sends one file: a new document, or the next version of {@code existing}. */
async function send(kb, key, file, metadata, existing) {
	const form = new FormData();
	form.append('file', file, file.name);
	if (metadata) form.append('metadata', metadata);
	if (existing) {
		const replaced = await api(`${kbPath(kb)}/documents/${encodeURIComponent(existing.id)}`, { method: 'PUT', body: form });
		uploads.set(key, { name: file.name, size: file.size, id: replaced.id, status: replaced.status, text: replaced.status });
	} else {
		const { documents } = await api(`${kbPath(kb)}/documents`, { method: 'POST', body: form });
		const submitted = documents[0];
		uploads.set(key, { name: file.name, size: file.size, id: submitted.id, status: submitted.status, duplicate: submitted.duplicateOf, text: submitted.status });
	}
}

/** Replace, from a document's row: pick the file, then it becomes the next version. */
function pickReplacement(doc) {
	const input = $('replace-file');
	input.dataset.doc = doc.id;
	input.value = '';
	input.click();
}

async function replaceWith(file, id) {
	const doc = latest.find((d) => d.id === id);
	if (!doc || !state.kb) return;
	if (settledBatch()) uploads.clear();
	const key = `u${++uploadCount}`;
	const refusal = tooLarge(file);
	if (refusal) {
		uploads.set(key, { name: file.name, size: file.size, refused: true, text: refusal });
	} else {
		uploads.set(key, { name: file.name, size: file.size, pending: true, text: `replacing ${doc.filename}…` });
		render();
		try {
			await send(state.kb.id, key, file, null, doc);
		} catch (error) {
			uploads.set(key, { name: file.name, size: file.size, refused: true, text: `refused: ${error.message}` });
		}
	}
	refreshDocuments();
}

/** The same bytes again: the server replaces the FAILED document with the new one. */
async function retry(doc) {
	await guarded(async () => {
		const blob = await api(`${kbPath(state.kb.id)}/documents/${encodeURIComponent(doc.id)}/content`);
		const file = new File([blob], doc.filename, { type: doc.mediaType });
		if (settledBatch()) uploads.clear();
		const key = `u${++uploadCount}`;
		uploads.set(key, { name: doc.filename, size: file.size, pending: true, text: 'uploading…' });
		try {
			await send(state.kb.id, key, file, null, null);
		} catch (error) {
			uploads.set(key, { name: doc.filename, size: file.size, refused: true, text: `refused: ${error.message}` });
		}
		refreshDocuments();
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
		selected.delete(doc.id);
		refreshDocuments();
	});
}

// ---- several at once ----

function bulkState() {
	const button = $('doc-delete-selected');
	button.disabled = selected.size === 0;
	button.textContent = selected.size ? `Delete selected (${selected.size})` : 'Delete selected';
	const all = $('doc-select-all');
	all.checked = latest.length > 0 && latest.every((d) => selected.has(d.id));
	all.indeterminate = !all.checked && latest.some((d) => selected.has(d.id));
}

async function deleteSelected() {
	const chosen = latest.filter((d) => selected.has(d.id));
	if (!chosen.length) return;
	const names = chosen.slice(0, 5).map((d) => d.filename).join(', ') + (chosen.length > 5 ? ', …' : '');
	if (!confirm(`Delete ${chosen.length} document${chosen.length > 1 ? 's' : ''} (${names})?`)) return;
	const failed = [];
	for (const doc of chosen) {
		try {
			await api(`${kbPath(state.kb.id)}/documents/${encodeURIComponent(doc.id)}`, { method: 'DELETE' });
			selected.delete(doc.id);
		} catch (error) {
			failed.push(`${doc.filename}: ${error.message}`);
		}
	}
	showError(failed.length ? `Not deleted: ${failed.join('; ')}` : '');
	await refreshDocuments();
}

/** Files dropped anywhere on the page go to the open knowledge base. */
export function dropAnywhere() {
	const over = (on) => document.body.classList.toggle('dragging', on && (state.kb ? mayIn('upload', state.kb.id) : may('upload')));
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

// ---- wiring of the documents' own controls ----

$('doc-search').addEventListener('input', (e) => {
	clearTimeout(searchTimer);
	searchTimer = setTimeout(() => {
		listing.q = e.target.value.trim();
		listing.offset = 0;
		refreshDocuments();
	}, 250);
});
$('doc-tools').addEventListener('submit', (e) => {
	e.preventDefault();
	clearTimeout(searchTimer);
	listing.q = $('doc-search').value.trim();
	listing.offset = 0;
	refreshDocuments();
});
$('doc-sort').addEventListener('change', (e) => {
	listing.sort = e.target.value;
	listing.offset = 0;
	refreshDocuments();
});
$('doc-prev').addEventListener('click', () => {
	listing.offset = Math.max(0, listing.offset - listing.limit);
	refreshDocuments();
});
$('doc-next').addEventListener('click', () => {
	listing.offset += listing.limit;
	refreshDocuments();
});
$('doc-select-all').addEventListener('change', (e) => {
	for (const d of latest) {
		if (e.target.checked) selected.add(d.id);
		else selected.delete(d.id);
	}
	render();
});
$('doc-delete-selected').addEventListener('click', deleteSelected);
$('upload-metadata-add').addEventListener('click', () => pairRow($('upload-metadata-rows')).querySelector('input').focus());
$('metadata-add').addEventListener('click', () => pairRow($('metadata-rows')).querySelector('input').focus());
$('metadata-form').addEventListener('submit', saveMetadata);
$('metadata-cancel').addEventListener('click', () => $('metadata-dialog').close());
$('replace-file').addEventListener('change', (e) => {
	const file = e.target.files[0];
	if (file) replaceWith(file, e.target.dataset.doc);
	e.target.value = '';
});
pairRow($('upload-metadata-rows'));
