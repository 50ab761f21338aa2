// Sharing: what a knowledge base grants groups of the identity provider and people
// (chat, upload or manage), for whoever may manage it (the master key, a key with the
// admin scope, a person who manages it); only shown when people can sign in at all.
import { $, api, credential, el, guarded, kbPath, mayIn, state, when } from './core.js';

const PERMISSIONS = { chat: 'chat', upload: 'upload', manage: 'manage' };
let shownKb = null;

/** Shows the open knowledge base's grants, when the caller may manage it. */
export async function loadSharing(kb) {
	shownKb = kb;
	const section = $('sharing');
	section.hidden = !(state.providers.length && mayIn('admin', kb));
	$('grant-rows').replaceChildren();
	if (section.hidden) return;
	// the master key may list people: their ids are offered as one types
	if (credential().kind === 'master' && !$('grant-people').children.length) {
		api('/api/v1/admin/people').then(({ people }) => offerPeople(people), () => {});
	}
	await guarded(async () => {
		const { grants } = await api(`${kbPath(kb)}/grants`);
		if (shownKb !== kb) return;
		$('grant-rows').replaceChildren(...grants.map((g) => grantRow(kb, g)));
		if (!grants.length) {
			$('grant-rows').append(el('tr', {}, el('td', { colspan: '4', class: 'hint', text: 'Not shared with anyone yet.' })));
		}
	});
}

/** Hides the panel (signed out, or the knowledge base deleted). */
export function forgetSharing() {
	shownKb = null;
	$('sharing').hidden = true;
	$('grant-rows').replaceChildren();
	$('grant-people').replaceChildren();
}

/** The people the master key knows, offered as person ids to share with. */
export function offerPeople(people) {
	$('grant-people').replaceChildren(...people.filter((p) => !p.removedAt)
		.map((p) => el('option', { value: p.id, label: `${p.name || p.id}${p.email ? ` <${p.email}>` : ''}` })));
}

function who(grantee) {
	const [kind, ...rest] = grantee.split(':');
	const name = rest.join(':');
	if (kind === 'person' && state.person && state.person.id === name) return `you (${state.person.name || name})`;
	return kind === 'group' ? `group ${name}` : `person ${name}`;
}

function grantRow(kb, g) {
	return el('tr', { 'data-grantee': g.grantee },
		el('td', { text: who(g.grantee) }), el('td', { text: PERMISSIONS[g.permission] || g.permission }),
		el('td', {}, el('time', { datetime: g.grantedAt, text: when(g.grantedAt) })),
		el('td', {}, el('button', { type: 'button', class: 'quiet', text: 'Remove', 'aria-label': `Stop sharing with ${who(g.grantee)}`,
			onclick: () => revoke(kb, g) })));
}

async function revoke(kb, g) {
	const own = state.person && g.grantee === `person:${state.person.id}`;
	if (!confirm(own ? 'Remove your own grant? You may lose access to this knowledge base.' : `Stop sharing with ${who(g.grantee)}?`)) return;
	await guarded(async () => {
		await api(`${kbPath(kb)}/grants?grantee=${encodeURIComponent(g.grantee)}`, { method: 'DELETE' });
		await loadSharing(kb);
	});
}

async function share(event) {
	event.preventDefault();
	const form = event.target;
	const kb = shownKb;
	const name = form.name.value.trim();
	await guarded(async () => {
		if (!kb) throw new Error('Open a knowledge base first.');
		if (!name) throw new Error(form.kind.value === 'person' ? 'Name the person by their id (per_…).' : 'Name the group.');
		// the server names what is wrong (an unknown person, a bad name): its problem is shown
		await api(`${kbPath(kb)}/grants`, { method: 'PUT', json: { grantee: `${form.kind.value}:${name}`, permission: form.permission.value } });
		form.name.value = '';
		await loadSharing(kb);
		$('grant-name').focus();
	});
}

function kindChanged() {
	const person = $('grant-kind').value === 'person';
	$('grant-name').placeholder = person ? 'person id, per_…' : 'group name, e.g. finance';
}

$('grant-form').addEventListener('submit', share);
$('grant-kind').addEventListener('change', kindChanged);
