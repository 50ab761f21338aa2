// API keys (master key): knowledge bases picked from the list, lifetimes in words (the
// operator's choice first). A signed-in person manages their own keys here: the server
// gives a key at most their rights (and says so when asked for more); the key their
// console signs in with is shown, not offered for revoking or renewing. A key renewed
// keeps its conversations: the new key is of its lineage, and each row says which key it
// renews or which key renewed it (keys of a lineage share their name).
import { $, api, el, guarded, may, state, when } from './core.js';

/**
 * Sets the view up for the master key (null) or a signed-in person: their own keys, the
 * scopes they have somewhere (data-needs-scope), and "all knowledge bases" as what it
 * means for them: all, also later ones, only for a person who may use every one;
 * otherwise those granted to them now (the server's default for a person's key).
 */
export function keysFor(person) {
	$('keys-title').textContent = person ? 'Your API keys' : 'API keys';
	$('keys-person-hint').hidden = !person;
	// only the scopes a key may be given here are explained
	$('key-scopes-hint').textContent = `${offeredScopes().map((scope) => `${scope}: ${SCOPES[scope]}`).join('; ')}.`;
	const everyOne = !person || Boolean(person.rights && person.rights['*']);
	$('key-kb-all-text').textContent = everyOne ? 'all, also those created later' : 'all those granted to you now';
	$('key-kb-all').querySelector('input').checked = true;
	for (const box of document.querySelectorAll('#key-form input[name=scope]')) box.checked = box.value === 'chat';
}

/** What each scope lets a key do, in the form's words. */
const SCOPES = { chat: 'search and ask', upload: 'add, replace and delete documents',
	admin: 'manage knowledge bases and read activity' };

/** The scopes a key may be given here: all for the master key, a person's those their grants give somewhere. */
const offeredScopes = () => Object.keys(SCOPES).filter((scope) => !state.person || may(scope));

/** "All" for a person who may not use every knowledge base: left out, the server's default. */
const grantedNow = () => state.person && !(state.person.rights && state.person.rights['*']);

/** The knowledge bases a key may be issued for, as checkboxes by name (the id beside it). */
export function fillKeyKnowledgeBases(knowledgeBases) {
	const box = $('key-kb-choices');
	const checked = new Set([...box.querySelectorAll('input:checked')].map((i) => i.value));
	box.replaceChildren(...knowledgeBases.map((kb) => el('label', {},
		el('input', { type: 'checkbox', name: 'kb', value: kb.id, checked: checked.has(kb.id) }),
		` ${kb.name} `, el('small', { class: 'hint', text: kb.id }))));
}

/**
 * What a person's key may do now, knowledge base by knowledge base: its scopes within
 * their grants there (the server checks each request so). The console's own sign-in key
 * has every scope for all knowledge bases, and so does what the grants say.
 * @returns [knowledge base id (or * for an admin group's all), scopes] pairs, those with
 * no scope left out
 */
function heldRights(key) {
	const rights = state.person.rights || {};
	const scopes = key.scopes || [];
	const kbs = key.knowledgeBases || [];
	const anyKb = kbs.includes('*');
	const where = rights['*'] ? (anyKb ? ['*'] : kbs) : Object.keys(rights).filter((kb) => anyKb || kbs.includes(kb));
	return where.map((kb) => [kb, scopes.filter((s) => (rights[kb] || rights['*'] || []).includes(s)).sort()])
		.filter(([, s]) => s.length);
}

/**
 * A key's scopes and knowledge bases in words: as issued for the master key's keys; for a
 * person's, what their grants let it do now, per knowledge base when that differs.
 * @returns [scopes, knowledge bases]
 */
export function describeKey(key) {
	if (!state.person) return [(key.scopes || []).join(', '), (key.knowledgeBases || []).map(nameOf).join(', ')];
	const held = heldRights(key);
	if (!held.length) return ['none now', 'none: nothing is shared with you'];
	const same = held.every(([, s]) => s.join() === held[0][1].join());
	if (same) return [held[0][1].join(', '), held.map(([kb]) => nameOf(kb)).join(', ')];
	const all = [...new Set(held.flatMap(([, s]) => s))].sort();
	return [`${all.join(', ')} (by knowledge base)`, held.map(([kb, s]) => `${nameOf(kb)}: ${s.join(', ')}`).join('; ')];
}

/**
 * Whether a key is near its end: expired, or less than a fifth of its lifetime (and at
 * least an hour) left; Renew is then offered first.
 */
function nearExpiry(k) {
	const left = Date.parse(k.expiresAt) - Date.now();
	const lifetime = Date.parse(k.expiresAt) - Date.parse(k.createdAt);
	return left < Math.max(3600 * 1000, lifetime / 5);
}

export async function loadKeys() {
	const { keys, lifetimes } = await api('/api/v1/keys');
	offerLifetimes(lifetimes);
	const lineage = renewals(keys);
	$('key-rows').replaceChildren(...keys.map((k) => ({ k, d: describeKey(k), l: lineage.get(k.id) })).map(({ k, d, l }) => el('tr', { 'data-key': k.id },
		el('td', { class: 'key-name' }, k.name || k.id, el('small', { class: 'hint key-id', text: k.id }),
			l.renews ? el('small', { class: 'key-lineage', 'data-renews': l.renews.id, text: `renews ${l.renews.id}` }) : '',
			l.renewedBy ? el('small', { class: 'key-lineage', 'data-renewed-by': l.renewedBy.id,
				text: `renewed by ${l.renewedBy.id} on ${when(l.renewedBy.createdAt)}` }) : ''),
		el('td', { class: 'key-scopes', text: d[0] }),
		el('td', { class: 'key-kbs', text: d[1] }), el('td', { text: k.status }),
		el('td', {}, el('time', { datetime: k.expiresAt, text: `${when(k.expiresAt)} (${fromNow(k.expiresAt)})` })),
		el('td', { text: k.lastUsedAt ? when(k.lastUsedAt) : 'never' }),
		el('td', { class: 'key-actions' }, ...actions(k, l)))));
}

/**
 * Where each key stands in its lineage (the keys listed that share it, by when they were
 * made): the key it renews (the one made before it) and the key that renewed it (the one
 * made after it), or null.
 * @returns a Map of key id to {renews, renewedBy}
 */
function renewals(keys) {
	const lineages = new Map();
	for (const k of keys) {
		const line = k.lineage || k.id;
		if (!lineages.has(line)) lineages.set(line, []);
		lineages.get(line).push(k);
	}
	const found = new Map();
	for (const line of lineages.values()) {
		line.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
		line.forEach((k, i) => found.set(k.id, { renews: line[i - 1] || null, renewedBy: line[i + 1] || null }));
	}
	return found;
}

/**
 * Renew for a key that was not revoked (the first action when it nears its expiry, or
 * passed it, unless a later key renewed it already), Revoke for an active one; the
 * console's own sign-in key is only named.
 */
function actions(k, lineage) {
	if (state.person && k.id === state.person.keyId) return [el('span', { class: 'hint', text: 'this console’s sign-in' })];
	const status = String(k.status).toUpperCase();
	const label = k.name || k.id;
	const found = [];
	if (status !== 'REVOKED') {
		found.push(el('button', { type: 'button', class: nearExpiry(k) && !lineage.renewedBy ? 'renew' : 'renew quiet', text: 'Renew',
			title: 'A new key with the same scopes and knowledge bases that keeps this key’s conversations',
			'aria-label': `Renew ${label}`, onclick: () => renew(k) }));
	}
	if (status === 'ACTIVE') {
		found.push(el('button', { type: 'button', class: 'quiet', text: 'Revoke', 'aria-label': `Revoke ${label}`, onclick: () => revoke(k) }));
	}
	return found;
}

/**
 * The lifetimes the operator allows, the one they chose first selected (once: a choice
 * made in the form stays); one not among the offered ones is added in words.
 */
function offerLifetimes(lifetimes) {
	const select = $('key-ttl');
	if (!lifetimes || select.dataset.offered) return;
	select.dataset.offered = 'true';
	for (const option of [...select.options]) {
		if (Number(option.value) > lifetimes.maxSeconds) option.remove();
	}
	let chosen = [...select.options].find((o) => Number(o.value) === lifetimes.defaultSeconds);
	if (!chosen) {
		chosen = el('option', { value: String(lifetimes.defaultSeconds), text: inWords(lifetimes.defaultSeconds) });
		const after = [...select.options].find((o) => Number(o.value) > lifetimes.defaultSeconds);
		select.insertBefore(chosen, after || null);
	}
	chosen.selected = true;
}

function inWords(seconds) {
	const [size, unit] = [[86400, 'day'], [3600, 'hour'], [60, 'minute']].find(([s]) => seconds >= s && seconds % s === 0) || [1, 'second'];
	const n = seconds / size;
	return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

function nameOf(id) {
	if (id === '*') return 'all';
	const kb = state.knowledgeBases.find((k) => k.id === id);
	return kb ? `${kb.name} (${id})` : id;
}

function fromNow(iso) {
	const seconds = Math.round((Date.parse(iso) - Date.now()) / 1000);
	const unit = [[86400, 'day'], [3600, 'hour'], [60, 'minute']].find(([s]) => Math.abs(seconds) >= s) || [1, 'second'];
	return new Intl.RelativeTimeFormat('en', { numeric: 'always' }).format(Math.round(seconds / unit[0]), unit[1]);
}

/** Issues a key; "Issue key" waits meanwhile, so that a double click issues one. */
export async function issueKey(event) {
	event.preventDefault();
	const form = event.target;
	const button = form.querySelector('button[type=submit]');
	if (button.disabled) return;
	button.disabled = true;
	try {
		await guarded(async () => {
			// scopes not offered (a person's grants give none of them) are not asked for
			const scopes = [...form.querySelectorAll('input[name=scope]:checked')].map((i) => i.value).filter(may);
			const picked = [...form.querySelectorAll('input[name=kb]:checked')].map((i) => i.value);
			const knowledgeBases = picked.includes('*') ? ['*'] : picked;
			// a key that may do nothing is no key: said here, not sent (the server refuses it too)
			if (!scopes.length) {
				form.querySelector('input[name=scope]').focus();
				throw new Error(`Tick at least one scope: ${offeredScopes().join(', ').replace(/, ([^,]*)$/, ' or $1')}.`);
			}
			if (!knowledgeBases.length) throw new Error('Pick at least one knowledge base (or all).');
			const issued = await api('/api/v1/keys', { method: 'POST', json: {
				name: form.name.value || null, scopes, knowledgeBases: knowledgeBases[0] === '*' && grantedNow() ? undefined : knowledgeBases,
				ttlSeconds: Number(form.ttlSeconds.value) } });
			await showIssued(issued, '');
		});
	} finally {
		button.disabled = false;
	}
}

/** The new key, shown once, with what it may do. */
async function showIssued(issued, more) {
	$('issued-key').textContent = issued.key;
	$('issued-what').textContent = `${issued.name ? `“${issued.name}”` : 'Unnamed'}: ${issued.scopes.map(scopeWords).join('; ')}.`
		+ ` Knowledge bases: ${state.person ? describeKey(issued)[1] : issued.knowledgeBases.map(nameOf).join(', ')}. Expires ${when(issued.expiresAt)}.${more}`;
	$('issued').hidden = false;
	$('copy-key').focus();
	await loadKeys();
}

/**
 * Renews a key for the lifetime picked in the form: the new key lists and continues its
 * conversations; the key renewed works until its own expiry.
 */
async function renew(key) {
	await guarded(async () => {
		const issued = await api(`/api/v1/keys/${encodeURIComponent(key.id)}/renew`, { method: 'POST',
			json: { ttlSeconds: Number($('key-ttl').value) } });
		const until = Date.parse(key.expiresAt) > Date.now() ? ` The key it renews works until ${when(key.expiresAt)}.` : '';
		await showIssued(issued, ` It renews ${key.name ? `“${key.name}”` : key.id} and keeps its conversations.${until}`);
	});
}

/** What a scope lets a key do, in words. */
function scopeWords(scope) {
	return SCOPES[scope] ? `${scope} (${SCOPES[scope]})` : scope;
}

async function revoke(key) {
	if (!confirm(`Revoke ${key.name || key.id}? It stops working at once, with the keys it renewed or that renew it,`
		+ ' and its conversations end.')) return;
	await guarded(async () => {
		await api(`/api/v1/keys/${encodeURIComponent(key.id)}`, { method: 'DELETE' });
		await loadKeys();
	});
}
