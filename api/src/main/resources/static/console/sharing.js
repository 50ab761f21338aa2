// Sharing: what a knowledge base grants groups of the identity provider and people
// (chat, upload or manage), for whoever may manage it (the master key, a key with the
// admin scope, a person who manages it); only shown when people can sign in at all. The
// name field suggests what the kind picked names: groups people signed in with (the
// master key's list of people, or a person's own groups), or people's ids; a group no one
// has signed in with is granted, and said to be so (a misspelt name grants no one).
import { $, api, credential, el, guarded, kbPath, mayIn, state, when } from './core.js';

const PERMISSIONS = { chat: 'chat', upload: 'upload', manage: 'manage' };
let shownKb = null;
/** What the name field suggests: the people the master key knows, and the groups seen. */
const known = { people: [], groups: [] };

/** Shows the open knowledge base's grants, when the caller may manage it. */
export async function loadSharing(kb) {
	shownKb = kb;
	const section = $('sharing');
	section.hidden = !(state.providers.length && mayIn('admin', kb));
	$('grant-rows').replaceChildren();
	$('grant-warning').hidden = true;
	if (section.hidden) return;
	if (state.person) offer({ people: [], groups: state.person.groups });
	// the master key may list people: their ids and groups are offered as one types
	if (credential().kind === 'master' && !known.people.length) {
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
	$('grant-warning').hidden = true;
	known.people = [];
	known.groups = [];
}

/** The people the master key knows: their ids, and the groups they signed in with. */
export function offerPeople(people) {
	const present = people.filter((p) => !p.removedAt);
	offer({ people: present, groups: present.flatMap((p) => p.groups || []) });
}

function offer({ people, groups }) {
	known.people = people;
	known.groups = [...new Set(groups)].sort();
	kindChanged();
}

/** The suggestions of the name field: only what the kind picked names. */
function suggest() {
	const person = $('grant-kind').value === 'person';
	$('grant-people').replaceChildren(...(person
		? known.people.map((p) => el('option', { value: p.id, label: `${p.name || p.id}${p.email ? ` <${p.email}>` : ''}` }))
		: known.groups.map((group) => el('option', { value: group }))));
}

function who(grantee) {
	const [kind, ...rest] = grantee.split(':');
	const name = rest.join(':');
	if (kind === 'person' && state.person && state.person.id === name) return `you (${state.person.name || name})`;
	return kind === 'group' ? `group ${name}` : `person ${name}`;
}

/** Says that a group's grant reaches no one who has signed in yet, and which groups have. */
function unknownGroup(name) {
	const seen = known.groups.length ? ` Groups people signed in with: ${known.groups.join(', ')}.` : '';
	return `No one has signed in with the group “${name}” yet: it grants no one until the identity provider`
		+ ` names someone's group so. Check the spelling.${seen}`;
}

function grantRow(kb, g) {
	const unknown = g.members === 0;
	return el('tr', { 'data-grantee': g.grantee, class: unknown ? 'grant-unknown' : null },
		el('td', {}, who(g.grantee), unknown ? el('small', { class: 'warning', text: ' (no one has signed in with it yet)' }) : ''),
		el('td', { text: PERMISSIONS[g.permission] || g.permission }),
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
		const granted = await api(`${kbPath(kb)}/grants`, { method: 'PUT', json: { grantee: `${form.kind.value}:${name}`, permission: form.permission.value } });
		form.name.value = '';
		await loadSharing(kb);
		if (granted.members === 0) {
			$('grant-warning').textContent = unknownGroup(name);
			$('grant-warning').hidden = false;
		}
		$('grant-name').focus();
	});
}

function kindChanged() {
	const person = $('grant-kind').value === 'person';
	$('grant-name').placeholder = person ? 'person id, per_…' : 'group name, e.g. finance';
	suggest();
}

$('grant-form').addEventListener('submit', share);
$('grant-kind').addEventListener('change', kindChanged);
