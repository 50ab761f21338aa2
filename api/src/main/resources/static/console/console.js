// The ragchat console: plain ES modules, no build step, one module per view; this one
// signs in and out, switches views and wires the page.
import { $, api, credential, el, guarded, kbPath, may, remember, showError, signedInAs, state, whenUnauthorized } from './core.js';
import { checkName, createKnowledgeBase, documentsHidden, documentsShown, dropAnywhere, forgetDocuments,
	loadKnowledgeBases, onKnowledgeBases, upload } from './knowledge.js';
import { ask, chatShown, composerKeys, count, editPersona, forgetChat, modelPicked, newChat, savePersona, setUp, stop } from './chat.js';
import { offerFound } from './models.js';
import { fillKeyKnowledgeBases, issueKey, keysFor, loadKeys } from './keys.js';
import { loadPeople, loadProviders, signOutPerson, whoIsSignedIn } from './people.js';
import { forgetSharing, offerPeople } from './sharing.js';
import { openDocument, wireViewer } from './viewer.js';
import { activityShown, activityThemeChanged, forgetActivity, mayReadActivity } from './activity.js';
import { addSource } from './sources.js';
import { forgetFilterKeys, loadFilterKeys, wireFilter } from './filter.js';
import { labelTables } from './tables.js';
import { suggest } from './scope.js';
import { wireDrop } from './drop.js';

const THEME = 'ragchat.theme';

// ---- sign in / out ----

// every API key ragchat issues begins so (rck_, then 38 letters and digits): a value that
// does not cannot be one, which is known here without asking the server anything
const API_KEY = /^rck_/;

async function signIn(event) {
	event.preventDefault();
	const form = event.target;
	const value = form.credential.value.trim();
	const kind = form.kind.value;
	showError('');
	if (kind === 'api' && !API_KEY.test(value)) {
		// nothing is sent: the server could only refuse it
		showError('This is not an API key: API keys begin with rck_. If it is the master key, choose “the master key (administration)” and sign in again.');
		form.querySelector('input[name=kind][value=master]').focus();
		return;
	}
	try {
		// one attempt with the typed credential; its refusal signs nothing out and is said here
		const headers = kind === 'master' ? { 'X-Master-Key': value } : { 'X-API-Key': value };
		await api('/api/v1/knowledge-bases', { auth: headers });
	} catch (error) {
		const hint = kind === 'master' && API_KEY.test(value)
			? ' This looks like an API key (rck_…): choose “an API key” and sign in again.' : '';
		showError(error.message + hint);
		form.credential.focus();
		return;
	}
	remember(kind, value);
	form.reset();
	await guarded(enter);
	if (credential()) $('tab-knowledge').focus();
}

/**
 * Signs out: a person's session ends on the server and at the provider (a navigation);
 * a key is forgotten here.
 */
function signOutClicked() {
	if (state.person) signOutPerson();
	signOut();
}

function signOut(reason) {
	sessionStorage.clear();
	signedInAs(null);
	forgetSharing();
	forgetDocuments();
	forgetChat();
	forgetActivity();
	forgetFilterKeys();
	state.kb = null;
	state.knowledgeBases = [];
	state.scopes = [];
	state.rights = null;
	delete document.body.dataset.scopes;
	$('console').hidden = true;
	$('sign-in').hidden = false;
	$('sign-out').hidden = true;
	$('who').textContent = '';
	for (const id of ['kb-rows', 'doc-rows', 'search-results', 'key-rows', 'people-rows']) $(id).replaceChildren();
	$('documents').hidden = true;
	$('sources').hidden = true;
	$('issued').hidden = true;
	$('kb-empty').hidden = true;
	showError(typeof reason === 'string' ? reason : '');
	$('credential').focus();
}

async function enter() {
	const c = credential();
	$('sign-in').hidden = true;
	$('console').hidden = false;
	$('sign-out').hidden = false;
	// what this credential may do: actions it may not take are not offered
	if (c.kind === 'person') {
		// a person: what they may do somewhere (each knowledge base says what there)
		state.scopes = [...new Set(Object.values(state.person.rights).flat())].sort();
		$('who').textContent = `Signed in as ${state.person.name || state.person.email || state.person.id}`;
	} else {
		let current;
		try {
			current = await api('/api/v1/keys/current');
		} catch (error) {
			// refused (revoked, expired): signed out already, with the reason on screen
			if (!credential()) return;
			showError(error.message);
			current = { scopes: [] };
		}
		state.scopes = current.scopes;
		// a key a person holds: what it may do differs from one knowledge base to the next
		state.rights = current.rights || null;
		$('who').textContent = c.kind === 'master' ? 'Signed in with the master key'
			: `Signed in with ${current.name ? `the key “${current.name}”` : 'an API key'} (${current.scopes.join(', ')})`;
	}
	document.body.dataset.scopes = state.scopes.join(' ');
	for (const tab of document.querySelectorAll('[role=tab]')) {
		const needs = tab.dataset.needs;
		tab.parentElement.hidden = needs !== undefined && !needs.split(' ').includes(c.kind);
	}
	// without chat there is nothing to search or ask (the master key has every scope)
	if (!may('chat')) {
		$('tab-search').parentElement.hidden = true;
		$('tab-chat').parentElement.hidden = true;
	}
	// a person granted nothing has no key to issue
	if (c.kind === 'person' && !state.scopes.length) $('tab-admin').parentElement.hidden = true;
	if (!state.providers.length) $('tab-people').parentElement.hidden = true;
	// Activity: the master key, or a key (a person's too) with the admin scope
	$('tab-activity').parentElement.hidden = !mayReadActivity();
	keysFor(state.person);
	select('knowledge');
	// the master key's first sign-in hears of a model found on this machine (asked
	// beside the knowledge bases, whatever becomes of them)
	if (c.kind === 'master') offerFound();
	await loadKnowledgeBases();
}

function select(view) {
	for (const tab of document.querySelectorAll('[role=tab]')) {
		const selected = tab.id === `tab-${view}`;
		tab.setAttribute('aria-selected', String(selected));
		$(tab.getAttribute('aria-controls')).hidden = !selected;
	}
	if (view === 'knowledge') documentsShown();
	else documentsHidden();
	if (view === 'admin') guarded(loadKeys);
	if (view === 'people') guarded(async () => offerPeople(await loadPeople()));
	if (view === 'chat') chatShown();
	if (view === 'activity') activityShown();
	if (view === 'search') loadFilterKeys($('search-kb').value);
}

// ---- search ----

async function search(event) {
	event.preventDefault();
	const form = event.target;
	const kb = form.kb.value;
	if (!kb) {
		showError('Create a knowledge base first (Knowledge bases).');
		return;
	}
	let filter;
	if (form.filter.value.trim()) {
		try {
			filter = JSON.parse(form.filter.value);
		} catch {
			showError(`The filter is not JSON: pick its conditions above, or write it as ${form.filter.placeholder || '{"key": "filename", "op": "eq", "value": "report.pdf"}'}`);
			form.filter.focus();
			return;
		}
	}
	await guarded(async () => {
		const query = form.query.value;
		const { results } = await api(`${kbPath(kb)}/search`, {
			method: 'POST', json: { query, mode: form.mode.value, topK: Number(form.topK.value), filter } });
		$('search-results').replaceChildren(...results.map((r) => el('li', { class: 'result' },
			el('p', { class: 'source' },
				el('button', { type: 'button', class: 'quiet', text: `${r.filename}, page ${r.page}`, 'aria-label': `Open ${r.filename} at page ${r.page}`,
					onclick: () => openDocument(kb, { id: r.documentId, filename: r.filename }, r.page, r.chunkId) }),
				`${r.headingPath ? ' — ' + r.headingPath : ''} (score ${r.score.toFixed(3)})`),
			el('p', {}, ...highlighted(r.text, query)))));
		if (!results.length) $('search-results').append(el('li', { text: 'Nothing found.' }));
	});
}

/** The text with the query's words marked (as nodes, never markup). */
function highlighted(text, query) {
	const words = [...new Set(query.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) || [])];
	if (!words.length) return [text];
	const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
	const pattern = new RegExp(`(${escaped.join('|')})`, 'giu');
	return text.split(pattern).map((part, i) => (i % 2 === 1 ? el('mark', { text: part }) : part));
}

// ---- theme ----

function applyTheme(theme) {
	const dark = theme === 'dark' || (theme == null && matchMedia('(prefers-color-scheme: dark)').matches);
	document.documentElement.dataset.theme = dark ? 'dark' : 'light';
	$('theme').setAttribute('aria-pressed', String(dark));
}

// ---- wiring ----

// a refused credential signs out, once: a person's session ended, a key's reason is the server's
whenUnauthorized((detail) => signOut(state.person ? 'Your session has ended: sign in again.' : detail));
onKnowledgeBases((kbs) => { fillKeyKnowledgeBases(kbs); setUp(); });
$('sign-in-form').addEventListener('submit', signIn);
$('sign-out').addEventListener('click', signOutClicked);
$('kb-create').addEventListener('submit', createKnowledgeBase);
$('source-form').addEventListener('submit', addSource);
$('kb-name').addEventListener('input', checkName);
$('search-form').addEventListener('submit', search);
$('search-kb').addEventListener('change', (e) => loadFilterKeys(e.target.value));
wireFilter();
labelTables();
$('ask-form').addEventListener('submit', ask);
$('question').addEventListener('input', count);
$('question').addEventListener('input', () => guarded(suggest));
$('question').addEventListener('keydown', composerKeys);
$('stop').addEventListener('click', stop);
$('new-chat').addEventListener('click', newChat);
$('chat-kb').addEventListener('change', setUp);
$('chat-persona').addEventListener('change', setUp);
$('chat-model').addEventListener('change', modelPicked);
$('persona-new').addEventListener('click', () => editPersona(false));
$('persona-edit').addEventListener('click', () => editPersona(true));
$('persona-form').addEventListener('submit', savePersona);
$('persona-cancel').addEventListener('click', () => $('persona-dialog').close());
$('key-form').addEventListener('submit', issueKey);
$('copy-key').addEventListener('click', () => navigator.clipboard.writeText($('issued-key').textContent)
	.then(() => showError(''), () => showError('Copy failed: select the key and copy it by hand')));
$('files').addEventListener('change', (e) => { upload([...e.target.files]); e.target.value = ''; });
$('theme').addEventListener('click', () => {
	// the choice of theme is no secret: kept for this tab like the rest
	const next = document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark';
	sessionStorage.setItem(THEME, next);
	applyTheme(next);
	activityThemeChanged();
});
$('activity-form').addEventListener('change', () => activityShown());
dropAnywhere();
wireDrop();
wireViewer();
for (const tab of document.querySelectorAll('[role=tab]')) {
	tab.addEventListener('click', () => select(tab.id.slice(4)));
}

applyTheme(sessionStorage.getItem(THEME));
start();

/**
 * A key this tab holds signs in as before; otherwise the session cookie may be a
 * person's (GET /api/v1/me: 200 signed in, 401 the sign-in screen, with a "Sign in with"
 * link for each identity provider).
 */
async function start() {
	state.providers = await loadProviders();
	if (credential()) {
		await enter();
		return;
	}
	const me = state.providers.length ? await whoIsSignedIn() : null;
	if (me) {
		signedInAs(me);
		await enter();
	} else {
		$('sign-in').hidden = false;
	}
}
