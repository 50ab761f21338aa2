// A knowledge base's sync sources: a server folder (under RAGCHAT_SYNC_FOLDER_ROOTS), an
// S3 prefix or a web site (a start page or a sitemap on a host of RAGCHAT_SYNC_WEB_HOSTS,
// with its scope, link depth and page limit), each with its last sync's progress or
// report (every page or file it added, replaced, deleted, failed or skipped, and why),
// Sync now and Delete. Sources
// need the master key or an API key with the upload scope (adding or deleting one, the
// admin scope too; a person, those rights in the knowledge base): without upload the
// section is neither shown nor asked for, without admin it offers no adding or deleting.
// Polled every 2 s only while a sync runs and the section is on screen.
import { $, SignedOut, api, credential, el, guarded, kbPath, mayIn, scopesIn, state, when } from './core.js';

let timer = null;
let shownKb = null;
let wasSyncing = false;
let onDocumentsChanged = () => {};

/** A sync adds, replaces and deletes documents: the list is told while one runs and when it ends. */
export function whenDocumentsChange(listener) {
	onDocumentsChanged = listener;
}

const path = (kb) => `${kbPath(kb)}/sources`;

export async function loadSources(kb) {
	if (!mayIn('upload', kb)) {
		forgetSources();
		$('sources').hidden = true;
		return;
	}
	shownKb = kb;
	clearTimeout(timer);
	timer = null;
	$('sources').hidden = false;
	// adding and deleting need admin here (data-needs-scope="admin", people.css)
	$('sources').dataset.kbScopes = scopesIn(kb).join(' ');
	try {
		const { sources } = await api(path(kb));
		if (shownKb !== kb) return;
		$('source-form').hidden = false;
		$('source-note').hidden = true;
		$('source-rows').replaceChildren(...sources.map(sourceRow));
		if (!sources.length) $('source-rows').append(el('li', { class: 'hint', text: 'No sources yet.' }));
		const syncing = sources.some((s) => s.syncing || (s.lastRun && s.lastRun.status === 'RUNNING'));
		$('source-rows').dataset.polling = syncing ? 'on' : 'off';
		if (syncing || wasSyncing) onDocumentsChanged();
		wasSyncing = syncing;
		if (syncing) timer = setTimeout(() => refresh(), 2000);
	} catch (error) {
		if (shownKb !== kb || error instanceof SignedOut) return;
		$('source-rows').replaceChildren();
		$('source-form').hidden = true;
		$('source-note').hidden = false;
		$('source-note').textContent = `Sources need the master key or an API key with the upload scope (and admin to add or delete one) (${error.message}).`;
	}
}

function refresh() {
	const visible = !$('view-knowledge').hidden && !$('documents').hidden;
	if (shownKb && credential() && visible && state.kb && state.kb.id === shownKb) loadSources(shownKb);
}

/** Stops polling (signed out, or another knowledge base opened). */
export function forgetSources() {
	clearTimeout(timer);
	timer = null;
	shownKb = null;
	wasSyncing = false;
	$('source-rows').replaceChildren();
}

function where(s) {
	if (s.type === 'web') return s.url;
	return s.type === 'folder' ? s.path : `s3://${s.bucket}/${s.prefix || ''}`;
}

/** What a source reads beyond where, and when it syncs by itself. */
function settings(s) {
	const parts = [s.type];
	if (s.type === 'web') {
		parts.push(`depth ${s.maxDepth}`, `up to ${s.maxPages} pages`);
		if (s.include && s.include.length) parts.push(`also ${s.include.join(', ')}`);
		if (s.exclude && s.exclude.length) parts.push(`not ${s.exclude.join(', ')}`);
		if (s.auth) parts.push(s.auth.kind === 'basic' ? 'signs in (basic)' : `sends ${s.auth.header}`);
	}
	parts.push(s.deleteMissing ? 'deletes missing files' : 'keeps missing files');
	parts.push(s.schedule ? `on schedule ${s.schedule} (UTC)` : s.intervalMinutes ? `every ${s.intervalMinutes} min` : 'by hand');
	return parts.join(' · ');
}

/** The last run's report: every item, each page's URL a link. */
function report(run) {
	const items = run.report.items;
	const list = el('ol', {}, ...items.map((i) => el('li', { class: 'report-item', 'data-outcome': i.outcome },
		el('span', { class: `outcome outcome-${i.outcome}`, text: i.outcome }), ' ',
		/^https?:\/\//.test(i.path) ? el('a', { href: i.path, target: '_blank', rel: 'noopener noreferrer', text: i.path }) : i.path,
		i.reason ? `: ${i.reason}` : '')));
	const more = run.report.itemsOmitted ? el('p', { class: 'hint', text: `… and ${run.report.itemsOmitted} more not listed` }) : '';
	const unchanged = run.report.unchanged ? el('p', { class: 'hint', text: `${run.report.unchanged} unchanged (not listed)` }) : '';
	return el('details', { class: 'sync-report' },
		el('summary', { text: `Report (${items.length + run.report.itemsOmitted} listed)` }), list, more, unchanged);
}

export function summary(report) {
	const parts = [];
	for (const [key, words] of [['added', 'added'], ['replaced', 'replaced'], ['deleted', 'deleted'],
		['missingKept', 'missing, kept'], ['unchanged', 'unchanged'], ['failed', 'failed'], ['skipped', 'skipped']]) {
		if (report[key]) parts.push(`${report[key]} ${words}`);
	}
	return parts.length ? parts.join(', ') : 'nothing to do';
}

function runText(run) {
	if (run.status === 'RUNNING') {
		const p = run.progress;
		const files = p.files ? `files ${p.filesDone}/${p.files}` : 'listing files';
		const indexed = p.documentsIndexing ? `, indexed ${p.documentsIndexed}/${p.documentsIndexing}` : '';
		return `Syncing since ${when(run.startedAt)}: ${files}${indexed}`;
	}
	const how = run.status === 'SUCCEEDED' ? 'Last sync' : 'Last sync FAILED';
	const done = summary(run.report);
	// a run that failed before it did anything: its reason follows, not "nothing to do"
	const what = run.status !== 'SUCCEEDED' && done === 'nothing to do' ? '' : `: ${done}`;
	return `${how} ${when(run.finishedAt || run.startedAt)} (${run.trigger})${what}`;
}

function sourceRow(s) {
	const run = s.lastRun;
	const status = run ? run.status.toLowerCase() : 'queued';
	const row = el('li', { class: `doc sync-source status-${status === 'succeeded' ? 'ready' : status === 'running' ? 'parsing' : status}`,
		'data-source': s.id },
	el('strong', { class: 'where', text: where(s) }), ' ',
	el('span', { class: 'size', text: settings(s) }));
	row.append(el('p', { class: 'state last-run', text: run ? runText(run) : 'Never synced.' }));
	if (run && run.error) row.append(el('p', { class: 'error-text', text: run.error }));
	const problems = run ? run.report.items.filter((i) => i.outcome === 'failed' || i.outcome === 'skipped') : [];
	if (problems.length) {
		row.append(el('ul', { class: 'problems' }, ...problems.slice(0, 10).map((i) =>
			el('li', { class: 'warning', text: `${i.path}: ${i.outcome}, ${i.reason}` }))));
		if (problems.length > 10) row.append(el('p', { class: 'hint', text: `… and ${problems.length - 10} more` }));
	}
	if (run && run.status !== 'RUNNING' && (run.report.items.length || run.report.unchanged)) row.append(report(run));
	const syncing = s.syncing || (run && run.status === 'RUNNING');
	row.append(el('div', { class: 'actions' },
		el('button', { type: 'button', class: 'sync-now', text: syncing ? 'Syncing…' : 'Sync now', disabled: syncing,
			'aria-label': `Sync ${where(s)} now`, onclick: () => syncNow(s) }), ' ',
		el('button', { type: 'button', class: 'quiet', text: 'Delete', 'data-needs-scope': 'admin',
			'aria-label': `Delete the source ${where(s)}`, onclick: () => deleteSource(s) })));
	return row;
}

async function syncNow(s) {
	await guarded(async () => {
		await api(`${path(s.knowledgeBase)}/${encodeURIComponent(s.id)}/sync`, { method: 'POST' });
		wasSyncing = true;
		await loadSources(s.knowledgeBase);
	});
}

async function deleteSource(s) {
	const syncing = s.syncing || (s.lastRun && s.lastRun.status === 'RUNNING');
	if (!confirm(`Delete the source ${where(s)}?${syncing ? ' Its sync is stopped.' : ''} Its documents stay.`)) return;
	await guarded(async () => {
		await api(`${path(s.knowledgeBase)}/${encodeURIComponent(s.id)}`, { method: 'DELETE' });
		await loadSources(s.knowledgeBase);
	});
}

const patterns = (text) => text.split(',').map((p) => p.trim()).filter(Boolean);

/** "Add source": a folder path, s3://bucket/prefix, or an http(s) address (a web site). */
export async function addSource(event) {
	event.preventDefault();
	const form = event.target;
	if (!state.kb) return;
	const location = form.location.value.trim();
	const s3 = /^s3:\/\/([^/]+)\/?(.*)$/.exec(location);
	let body;
	if (/^https?:\/\//i.test(location)) {
		body = { type: 'web', url: location };
		if (form.include.value.trim()) body.include = patterns(form.include.value);
		if (form.exclude.value.trim()) body.exclude = patterns(form.exclude.value);
		if (form.maxDepth.value) body.maxDepth = Number(form.maxDepth.value);
		if (form.maxPages.value) body.maxPages = Number(form.maxPages.value);
	} else {
		body = s3 ? { type: 's3', bucket: s3[1], prefix: s3[2] } : { type: 'folder', path: location };
	}
	body.deleteMissing = form.deleteMissing.checked;
	if (form.interval.value) body.intervalMinutes = Number(form.interval.value);
	if (form.schedule.value.trim()) body.schedule = form.schedule.value.trim();
	const kb = state.kb.id;
	await guarded(async () => {
		const source = await api(path(kb), { method: 'POST', json: body });
		form.reset();
		await api(`${path(kb)}/${encodeURIComponent(source.id)}/sync`, { method: 'POST' });
		wasSyncing = true;
		await loadSources(kb);
	});
}
