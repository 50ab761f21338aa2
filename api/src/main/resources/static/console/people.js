// People: signing in with an identity provider (GET /api/v1/sign-in names them; a link
// starts the provider's sign-in, which comes back to the console with a session cookie),
// who is signed in (GET /api/v1/me), signing out (a form posted to /sign-out with the
// session's CSRF token: a navigation, so that the browser follows the redirect to the
// provider's sign-out and back), and the master key's list of people, where one can be
// removed.
import { $, api, csrfToken, el, guarded, when } from './core.js';

/**
 * Asks which identity providers there are and offers "Sign in with …" for each, beside
 * the key form (which stays).
 * @returns the providers ([] when none is configured, or the answer failed)
 */
export async function loadProviders() {
	let signIn = { providers: [] };
	try {
		const response = await fetch('/api/v1/sign-in');
		if (response.ok) signIn = await response.json();
	} catch {
		// no providers to offer: the key form works as before
	}
	const providers = signIn.providers || [];
	$('provider-links').replaceChildren(...providers.map((p) => el('li', {},
		el('a', { href: p.url, class: 'button provider', 'data-provider': p.id, text: `Sign in with ${p.name || p.id}` }))));
	$('providers').hidden = !providers.length;
	if (signIn.signOut) $('sign-out-form').setAttribute('action', signIn.signOut);
	return providers;
}

/**
 * Who is signed in through the session cookie, asked with a plain fetch (the cookie goes
 * with it; a 401 is no error here, only "nobody").
 * @returns the person, or null
 */
export async function whoIsSignedIn() {
	try {
		const response = await fetch('/api/v1/me', { headers: { Accept: 'application/json' } });
		return response.ok ? await response.json() : null;
	} catch {
		return null;
	}
}

/** Ends the person's session here and at the provider: the form's POST navigates away. */
export function signOutPerson() {
	$('sign-out-csrf').value = csrfToken() || '';
	$('sign-out-form').submit();
}

// ---- the master key's list of people ----

export async function loadPeople() {
	const { people } = await api('/api/v1/admin/people');
	$('people-rows').replaceChildren(...people.map(personRow));
	if (!people.length) {
		$('people-rows').append(el('tr', {}, el('td', { colspan: '7', class: 'hint', text: 'Nobody has signed in yet.' })));
	}
	return people;
}

function personRow(p) {
	const name = p.name || p.id;
	return el('tr', { 'data-person': p.id, class: p.removedAt ? 'removed' : '' },
		el('td', { text: name }), el('td', { text: p.email || '' }), el('td', { text: (p.groups || []).join(', ') }),
		el('td', {}, el('code', { text: p.id })),
		el('td', {}, el('time', { datetime: p.signedInAt, text: when(p.signedInAt) })),
		el('td', {}, p.removedAt ? el('time', { datetime: p.removedAt, text: when(p.removedAt) }) : 'no'),
		el('td', {}, p.removedAt ? '' : el('button', { type: 'button', class: 'quiet', text: 'Remove',
			'aria-label': `Remove ${name}`, onclick: () => remove(p, name) })));
}

async function remove(person, name) {
	if (!confirm(`Remove ${name}? Their keys stop working at once and they may not sign in again.`)) return;
	await guarded(async () => {
		await api(`/api/v1/admin/people/${encodeURIComponent(person.id)}`, { method: 'DELETE' });
		await loadPeople();
	});
}
