// Shared by the console's modules: the credential, calls to the API, DOM building.
// The credential lives in sessionStorage (this tab only) and goes out as a header,
// never in a URL; nothing of it goes to localStorage. A person signed in with an
// identity provider holds no credential at all: the session cookie (HttpOnly) goes with
// every call, and each change carries the session's CSRF token, kept in memory only.
const STORE = 'ragchat.credential';
const SAFE = new Set(['GET', 'HEAD']);
let csrf = null;

export const $ = (id) => document.getElementById(id);

/**
 * What the modules share: the open knowledge base, the knowledge bases this key sees,
 * what the signed-in credential may do (GET /api/v1/keys/current; for a person, what
 * their grants give them somewhere), the signed-in person (GET /api/v1/me, without its
 * CSRF token) and the identity providers one may sign in with (GET /api/v1/sign-in).
 */
export const state = { kb: null, knowledgeBases: [], scopes: [], rights: null, person: null, providers: [] };

/**
 * @param scope chat, upload or admin
 * @returns whether the signed-in credential has it (the master key has every scope).
 * Elements marked data-needs-scope="upload" (or "admin", or both) are hidden without it
 * (console.css, by the body's data-scopes).
 */
export const may = (scope) => state.scopes.includes(scope);

/**
 * @param kb a knowledge base id
 * @returns what the signed-in credential may do in it: a person's grants there (or in
 * all, for an admin group); for a key a person holds, its scopes within those grants
 * (GET /api/v1/keys/current, rights); another key's scopes (the server checks its
 * knowledge bases)
 */
export function scopesIn(kb) {
	const rights = state.person ? state.person.rights || {} : state.rights;
	if (!rights) return state.scopes;
	return rights[kb] || rights['*'] || [];
}

/** Whether the signed-in credential may use a scope in a knowledge base. */
export const mayIn = (scope, kb) => scopesIn(kb).includes(scope);

/**
 * The signed-in credential: {kind: 'master' | 'api', value} from this tab's storage, or
 * {kind: 'person'} (no value: the browser holds none) for a person's session.
 */
export function credential() {
	if (state.person) return { kind: 'person' };
	const raw = sessionStorage.getItem(STORE);
	return raw ? JSON.parse(raw) : null;
}

/**
 * A person's session (GET /api/v1/me): who they are, what they may do in each
 * knowledge base, and the CSRF token their changes send; null forgets it.
 */
export function signedInAs(me) {
	csrf = me && me.csrf ? me.csrf : null;
	state.person = me ? { id: me.id, name: me.name, email: me.email, groups: me.groups || [], rights: me.rights || {}, keyId: me.keyId } : null;
}

/** The session's CSRF token (the sign-out form sends it as a field). */
export const csrfToken = () => (csrf ? csrf.token : null);

export function remember(kind, value) {
	sessionStorage.setItem(STORE, JSON.stringify({ kind, value }));
}

export function authHeaders() {
	const c = credential();
	if (!c || c.kind === 'person') return {};
	return c.kind === 'master' ? { 'X-Master-Key': c.value } : { 'X-API-Key': c.value };
}

/** Builds an element; text goes in as text, never as markup. */
export function el(tag, attrs = {}, ...children) {
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

export function showError(message) {
	const box = $('error');
	box.textContent = message;
	box.hidden = !message;
}

export async function problem(response) {
	try {
		const body = await response.json();
		return body.detail || body.title || `HTTP ${response.status}`;
	} catch {
		return `HTTP ${response.status}`;
	}
}

let onUnauthorized = () => {};

/**
 * Thrown instead of a call made while nothing is signed in: such a call could only be
 * refused (a 401), and a refusal signs out, which sets views up again, which call again
 * (the loop of issue 58). Nobody is told: there is nobody to tell.
 */
export class SignedOut extends Error {
	constructor() {
		super('Not signed in');
		this.name = 'SignedOut';
	}
}

/** Whether the person's session is still signed in (GET /api/v1/me answers 200). */
async function sessionAlive() {
	try {
		return (await fetch('/api/v1/me')).ok;
	} catch {
		return false;
	}
}

/** What a 401 of a call made with the signed-in credential does (signs out, once). */
export function whenUnauthorized(action) {
	onUnauthorized = action;
}

/**
 * Calls the API with the signed-in credential, or with {@code auth} (a sign-in's
 * attempt, whose refusal is the caller's to show and signs nothing out).
 * @throws SignedOut without a credential (and no {@code auth}), before any request
 * @throws Error with the server's problem detail for any other answer than 2xx
 */
export async function api(path, { method = 'GET', json, body, headers = {}, auth, signal, retried } = {}) {
	const signedIn = credential();
	if (!auth && !signedIn) throw new SignedOut();
	const init = { method, headers: { ...(auth || authHeaders()), ...headers }, signal };
	// a person's session: the cookie goes by itself (same origin); a change needs the token
	if (!auth && state.person && csrf && !SAFE.has(method.toUpperCase())) init.headers[csrf.headerName] = csrf.token;
	if (json !== undefined) {
		init.headers['Content-Type'] = 'application/json';
		init.body = JSON.stringify(json);
	} else if (body !== undefined) {
		init.body = body;
	}
	const response = await fetch(path, init);
	if (!response.ok) {
		const detail = await problem(response);
		// the credential in use was refused: sign out, unless that already happened (an
		// answer to a call made before), or the call was a sign-in's attempt
		if (response.status === 401 && !auth && !path.startsWith('/api/v1/sessions/')
			&& JSON.stringify(credential()) === JSON.stringify(signedIn)) {
			// a person's session is asked whether it ended before they are signed out: one
			// refused call proves nothing of it when the session goes on (a call that
			// crossed the session's new id, say); a read is made again, once
			if (state.person && await sessionAlive()) {
				if (!retried && SAFE.has(method.toUpperCase())) return api(path, { method, headers, signal, retried: true });
				throw new Error(detail);
			}
			onUnauthorized(detail);
		}
		throw new Error(detail);
	}
	if (response.status === 204) return null;
	const type = response.headers.get('Content-Type') || '';
	return type.includes('json') ? response.json() : response.blob();
}

/**
 * Shows what went wrong, unless nothing is signed in any more: a call made while signed
 * out, or a view's chain of calls begun before signing out, is no news (the sign-out's
 * reason, if any, stays on screen).
 */
export function showFailure(error) {
	if (!(error instanceof SignedOut) && credential()) showError(error.message);
}

/** Runs an action, showing what went wrong (see {@link showFailure}). */
export async function guarded(action) {
	try {
		// signed out, the reason stays on screen
		if (credential()) showError('');
		await action();
	} catch (error) {
		showFailure(error);
	}
}

export const kbPath = (kb) => `/api/v1/knowledge-bases/${encodeURIComponent(kb)}`;
/** Whether a knowledge base is a conversation's own: the files dropped into it, named as its session. */
export const isConversations = (kb) => typeof kb === 'string' && kb.startsWith('ses_');
/** Where a knowledge base's documents are: its own routes, or a conversation's files (the same sub-paths). */
export const documentsPath = (kb) => (isConversations(kb)
	? `/api/v1/sessions/${encodeURIComponent(kb)}/files` : `${kbPath(kb)}/documents`);

export function kbName(id) {
	const kb = state.knowledgeBases.find((k) => k.id === id);
	return kb ? kb.name : id;
}

export function bytes(n) {
	if (n < 1024) return `${n} B`;
	if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
	return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function when(iso) {
	return iso ? new Date(iso).toLocaleString() : '';
}
