// Shared by the console's modules: the credential, calls to the API, DOM building.
// The credential lives in sessionStorage (this tab only) and goes out as a header,
// never in a URL; nothing of it goes to localStorage.
const STORE = 'ragchat.credential';

export const $ = (id) => document.getElementById(id);

/**
 * What the modules share: the open knowledge base, the knowledge bases this key sees,
 * and what the signed-in credential may do (GET /api/v1/keys/current).
 */
export const state = { kb: null, knowledgeBases: [], scopes: [] };

/**
 * @param scope chat, upload or admin
 * @returns whether the signed-in credential has it (the master key has every scope).
 * Elements marked data-needs-scope="upload" (or "admin", or both) are hidden without it
 * (console.css, by the body's data-scopes).
 */
export const may = (scope) => state.scopes.includes(scope);

export function credential() {
	const raw = sessionStorage.getItem(STORE);
	return raw ? JSON.parse(raw) : null;
}

export function remember(kind, value) {
	sessionStorage.setItem(STORE, JSON.stringify({ kind, value }));
}

export function authHeaders() {
	const c = credential();
	if (!c) return {};
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

export function whenUnauthorized(action) {
	onUnauthorized = action;
}

export async function api(path, { method = 'GET', json, body, headers = {}, auth = authHeaders(), signal } = {}) {
	const init = { method, headers: { ...auth, ...headers }, signal };
	if (json !== undefined) {
		init.headers['Content-Type'] = 'application/json';
		init.body = JSON.stringify(json);
	} else if (body !== undefined) {
		init.body = body;
	}
	const response = await fetch(path, init);
	if (!response.ok) {
		const detail = await problem(response);
		if (response.status === 401 && !path.startsWith('/api/v1/sessions/')) onUnauthorized(detail);
		throw new Error(detail);
	}
	if (response.status === 204) return null;
	const type = response.headers.get('Content-Type') || '';
	return type.includes('json') ? response.json() : response.blob();
}

export async function guarded(action) {
	try {
		showError('');
		await action();
	} catch (error) {
		showError(error.message);
	}
}

export const kbPath = (kb) => `/api/v1/knowledge-bases/${encodeURIComponent(kb)}`;

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
