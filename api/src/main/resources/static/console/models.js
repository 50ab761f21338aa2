// Models: which generator writes the answers (the chat says so, and every extract answer
// says what it cannot do), and the master key's model screen: local Ollama and
// OpenAI-compatible servers found and their models in a drop-down, a typed address, an
// API key (sent once, kept encrypted by the server, never shown back), a GGUF file. A
// choice is checked with one test call before the server keeps it. The same form gives a
// persona a generator of its own (master key only), or takes it back to the service's,
// and offers models people may pick for one conversation. At the master key's first
// sign-in, a model server found on this machine is offered with one button.
import { $, api, credential, el, guarded, showError, showFailure } from './core.js';

const EXTRACT_PREFIX = 'Extract from the documents:';
const KINDS = {
	extractive: 'the extract (quotes, no language model)', ollama: 'Ollama', 'openai-compatible': 'an OpenAI-compatible server',
	'llama-cpp': 'llama.cpp inside ragchat', gemini: 'Gemini', 'vertex-gemini': 'Gemini on Vertex AI',
};
const models = { current: null, choice: null, asked: 0 };

/**
 * Which generator answers (a persona's sessions: its own, if it has one), asked of the
 * server (any signed-in key may ask). Only the latest question's reply is kept.
 */
export async function loadGenerator(configId, model) {
	const asked = ++models.asked;
	const query = new URLSearchParams();
	if (configId) query.set('configId', configId);
	if (model) query.set('model', model);
	const g = await api(`/api/v1/generator${query.size ? `?${query}` : ''}`);
	if (asked === models.asked) models.current = g;
	return g;
}

function describe(g) {
	if (!g) return '';
	const own = g.chosenIn === 'persona' ? ' This persona has a generator of its own.'
		: g.chosenIn === 'picked' ? ' Picked for this conversation.' : '';
	if (!g.writes) return `Answers are extracts: sentences quoted from the documents, no language model.${own}`;
	return `Answers are written by ${g.model} (${KINDS[g.kind] || g.kind}).${own}`;
}

/** Where to set a model up: the model screen for the master key, the API docs otherwise. */
function setUpLink() {
	const master = credential()?.kind === 'master';
	return master
		? el('a', { href: '#models', class: 'set-up-model', text: 'Set up a model', onclick: (e) => { e.preventDefault(); $('tab-models').click(); } })
		: el('a', { href: '/swagger-ui.html#/models', class: 'set-up-model', target: '_blank', rel: 'noopener',
			text: 'How to set up a model', title: 'An administrator chooses one in the console (Models, master key) or with RAGCHAT_CHAT_GENERATOR' });
}

/**
 * The chat's line saying which generator answers (added above the conversation): the
 * model picked for the conversation, else the persona's own, for a conversation with a
 * persona that has one, else the service's, with the model the conversation names. Asked
 * again whenever what answers may have changed (a pick, a persona, each answer).
 */
export async function showGenerator(configId, model) {
	let line = $('generator-info');
	if (!line) {
		line = el('p', { id: 'generator-info', class: 'hint generator-info', 'aria-live': 'polite' });
		$('session-info').after(line);
	}
	try {
		const asked = models.asked + 1;
		const g = await loadGenerator(configId, model);
		if (asked !== models.asked) return;
		line.dataset.kind = g.kind;
		line.dataset.model = g.model || '';
		line.dataset.chosenIn = g.chosenIn;
		line.replaceChildren(describe(g), ...(g.writes ? [] : [' ', setUpLink()]));
	} catch (error) {
		line.textContent = '';
	}
}

/**
 * Under an extract answer, says plainly that it quotes and cannot summarise, compare or
 * make tables, with where to set a model up. Not under a refusal: "Not in the documents"
 * says why, and a notice of what the extract cannot do would contradict it.
 */
export function extractNotice(item, text) {
	item.querySelector('.extract-notice')?.remove();
	if (!(text || '').includes(EXTRACT_PREFIX)) return;
	item.querySelector('.text').after(el('p', { class: 'extract-notice', role: 'note' },
		'This answer quotes the documents: without a language model ragchat cannot summarise, compare or make tables. ',
		setUpLink()));
}

/**
 * The persona dialog's language model settings: whether system prompt, model and
 * temperature have any effect now, and the server's models to pick from.
 */
export async function describeModelSettings(configId) {
	const note = $('persona-model-note');
	const box = $('persona-model-settings');
	let g;
	try {
		g = await loadGenerator(configId);
	} catch {
		note.textContent = 'System prompt, model and temperature only take effect when a language model writes the answers.';
		return;
	}
	box.classList.toggle('no-effect', !g.writes);
	box.dataset.effect = g.writes ? 'yes' : 'none';
	if (!g.writes) {
		note.textContent = 'No effect now: answers are extracts, sentences quoted from the documents without a language model. '
			+ 'System prompt, model and temperature only take effect with a language model; they are kept for when one is set up.';
		$('persona-model-list').replaceChildren();
		return;
	}
	note.textContent = `${describe(g)} System prompt, model and temperature take effect`
		+ (g.kind === 'llama-cpp' ? ', except the model: llama.cpp runs its one file.' : `; an empty model is ${g.model}.`);
	try {
		const { models: names } = await api(`/api/v1/generator/models${configId ? `?configId=${encodeURIComponent(configId)}` : ''}`);
		$('persona-model-list').replaceChildren(...names.map((n) => el('option', { value: n })));
	} catch {
		$('persona-model-list').replaceChildren();
	}
}

/** The models anyone may pick for a conversation, by name (empty when none is offered). */
export async function loadPickable() {
	try {
		const { models: pickable } = await api('/api/v1/generator/offered');
		return pickable;
	} catch {
		return [];
	}
}

// ---- the model screen (master key) ----

/** The persona the form is for, or '' for the whole service. */
function target() {
	return $('models-for').value;
}

function choiceUrl(configId) {
	return configId ? `/api/v1/admin/models/personas/${encodeURIComponent(configId)}` : '/api/v1/admin/models';
}

async function modelsShown() {
	await guarded(async () => {
		const [choice, { chatConfigs }] = await Promise.all([api('/api/v1/admin/models'), api('/api/v1/chat-configs?limit=100')]);
		models.choice = choice;
		const select = $('models-for');
		const chosen = select.value;
		select.replaceChildren(el('option', { value: '', text: 'The whole service' }),
			...chatConfigs.map((c) => el('option', { value: c.id, text: `Persona: ${c.title}` })));
		select.value = chatConfigs.some((c) => c.id === chosen) ? chosen : '';
		await forChanged();
		await showPersonas();
		await showOffered();
	});
	await scan();
}

/** The personas that have a generator of their own, each with a button to edit it. */
async function showPersonas() {
	const { personas } = await api('/api/v1/admin/models/personas');
	const list = $('models-personas');
	list.replaceChildren(...personas.map((p) => el('li', { class: 'models-persona', 'data-config': p.configId },
		el('span', {}, el('strong', { text: p.title }), `: ${describe(p.current)}`, p.problem ? ` ${p.problem}` : ''), ' ',
		el('button', { type: 'button', class: 'quiet', text: 'Change', 'aria-label': `Change the generator of ${p.title}`,
			onclick: () => { $('models-for').value = p.configId; forChanged(); $('models-kind').focus(); } }))));
	if (!personas.length) list.append(el('li', { class: 'hint', text: 'None: every persona answers with the service\'s generator.' }));
}

/** The models people may pick, each with a button to withdraw it. */
async function showOffered() {
	const { models: offered } = await api('/api/v1/admin/models/offered');
	const list = $('models-offered');
	list.replaceChildren(...offered.map((m) => el('li', { class: 'models-offered', 'data-name': m.name },
		el('span', {}, el('strong', { text: m.name }), ` (${KINDS[m.kind] || (m.kind === 'configured' ? 'the configured generator' : m.kind)}${m.baseUrl ? ` at ${m.baseUrl}` : ''})`,
			m.problem ? ` ${m.problem}` : ''), ' ',
		el('button', { type: 'button', class: 'quiet', text: 'Withdraw', 'aria-label': `Withdraw ${m.name}`,
			onclick: () => withdraw(m.name) }))));
	if (!offered.length) list.append(el('li', { class: 'hint', text: 'None: conversations are answered by their persona\'s or the service\'s generator.' }));
}

async function withdraw(name) {
	await guarded(async () => {
		await api(`/api/v1/admin/models/offered?name=${encodeURIComponent(name)}`, { method: 'DELETE' });
		await showOffered();
		$('models-result').textContent = `People may no longer pick ${name}.`;
	});
}

/** Offers a model to people: the form's (checked with one test call), or the configured one. */
async function offer(body) {
	const result = $('models-result');
	result.textContent = body.kind === 'extractive' || body.kind === 'configured' ? 'Saving…' : 'Testing: one call to the model…';
	try {
		showError('');
		const offered = await api('/api/v1/admin/models/offered', { method: 'PUT', json: body });
		$('models-form').apiKey.value = '';
		await showOffered();
		result.textContent = `People may now pick ${offered.offered.name}.`
			+ (offered.reply ? ` The test call answered “${offered.reply.slice(0, 80)}”.` : '');
		result.dataset.outcome = 'offered';
	} catch (error) {
		result.textContent = `Not offered: ${error.message}`;
		result.dataset.outcome = 'failed';
	}
}

/**
 * At the master key's first sign-in in this browser, while the configuration's extract
 * answers: a model server found on this machine, with one button to use it.
 */
export async function offerFound() {
	const ASKED = 'ragchat.found-model-asked';
	if (credential()?.kind !== 'master' || localStorage.getItem(ASKED) || $('found-model')) return;
	let server;
	try {
		const choice = await api('/api/v1/admin/models');
		if (choice.current.writes || choice.current.chosenIn !== 'configuration') return;
		const { servers } = await api('/api/v1/admin/models/servers');
		server = servers.find((s) => s.models.length);
	} catch {
		return;
	}
	if (!server || credential()?.kind !== 'master') return;
	const name = server.kind === 'ollama' ? 'Ollama' : 'An OpenAI-compatible server';
	const n = server.models.length;
	const box = el('div', { id: 'found-model', class: 'found-model', role: 'status' });
	const done = () => { localStorage.setItem(ASKED, 'yes'); box.remove(); };
	const use = el('button', { type: 'button', text: 'Use it', onclick: async () => {
		use.disabled = true;
		box.querySelector('.found-result').textContent = 'Testing: one call to the model…';
		try {
			const chosen = await api('/api/v1/admin/models', { method: 'PUT',
				json: { kind: server.kind, baseUrl: server.baseUrl, model: server.models[0] } });
			models.choice = chosen.choice;
			models.current = chosen.choice.current;
			localStorage.setItem(ASKED, 'yes');
			box.replaceChildren(`Answers are now written by ${server.models[0]}. Other models: Models.`);
		} catch (error) {
			use.disabled = false;
			box.querySelector('.found-result').textContent = `Not kept: ${error.message}`;
		}
	} });
	box.append(el('span', { text: `${name} with ${n} model${n > 1 ? 's' : ''} found at ${server.baseUrl}: use it? ` }),
		el('span', { class: 'hint', text: `(${server.models[0]} answers; the others can be chosen or offered in Models) ` }),
		use, ' ', el('button', { type: 'button', class: 'quiet', text: 'Not now', onclick: done }),
		el('span', { class: 'found-result', role: 'status' }));
	$('console').prepend(box);
}

/** The form shows the service's choice, or the chosen persona's. */
async function forChanged() {
	$('models-result').textContent = '';
	const configId = target();
	if (!configId) {
		showChoice(models.choice);
		fillForm(models.choice);
		return;
	}
	await guarded(async () => {
		const persona = await api(choiceUrl(configId));
		showChoice(persona);
		fillForm(persona);
	});
}

function showChoice(choice) {
	const current = choice.current;
	if (choice.configId !== undefined) {
		$('models-current').replaceChildren(el('strong', { text: `${choice.title}: ${describe(current)}` }), ' ',
			choice.kind ? 'Its own generator, chosen here.' : 'The service\'s generator (it has none of its own).');
		$('models-problem').textContent = choice.problem || '';
		$('models-problem').hidden = !choice.problem;
		$('models-reset').textContent = 'Back to the service\'s generator';
		$('models-reset').hidden = !choice.kind;
		return;
	}
	const configured = choice.configured;
	$('models-current').replaceChildren(el('strong', { text: describe(current) }), ' ',
		current.chosenIn === 'console' ? `Chosen here; the configuration names ${KINDS[configured.kind] || configured.kind}${configured.model ? ` ${configured.model}` : ''}.`
			: 'As configured (RAGCHAT_CHAT_GENERATOR).');
	$('models-problem').textContent = choice.problem || '';
	$('models-problem').hidden = !choice.problem;
	$('models-reset').textContent = 'Back to the configured generator';
	$('models-reset').hidden = current.chosenIn !== 'console';
}

function fillForm(choice) {
	const form = $('models-form');
	form.kind.value = choice.kind || choice.current.kind;
	if (![...form.kind.options].some((o) => o.value === form.kind.value)) form.kind.value = 'extractive';
	form.baseUrl.value = choice.baseUrl || '';
	form.modelPath.value = choice.modelPath || '';
	form.apiKey.value = '';
	form.apiKey.placeholder = choice.apiKeySet ? 'a key is stored: leave empty to keep it' : '';
	$('models-forget-key').checked = false;
	$('models-forget-key-label').hidden = !choice.apiKeySet;
	modelOptions(choice.model ? [choice.model] : [], choice.model);
	kindChanged();
}

function kindChanged() {
	const kind = $('models-kind').value;
	const server = kind === 'ollama' || kind === 'openai-compatible';
	$('models-server-fields').hidden = !server;
	$('models-file-fields').hidden = kind !== 'llama-cpp';
	$('models-url').required = server;
	$('models-file').required = kind === 'llama-cpp';
	$('models-url').placeholder = kind === 'ollama' ? 'http://localhost:11434' : 'http://localhost:8080/v1';
}

/** The model drop-down; with no list, a field to type the name. */
function modelOptions(names, chosen) {
	const select = $('models-model');
	select.replaceChildren(...names.map((n) => el('option', { value: n, text: n })));
	if (chosen && names.includes(chosen)) select.value = chosen;
	const none = names.length === 0;
	select.hidden = none;
	select.labels.forEach((l) => { l.hidden = none; });
	$('models-model-name').hidden = !none;
	$('models-model-name-label').hidden = !none;
}

async function scan() {
	const list = $('models-servers');
	list.setAttribute('aria-busy', 'true');
	list.replaceChildren(el('li', { class: 'hint', text: 'Looking for Ollama and OpenAI-compatible servers…' }));
	try {
		const { servers } = await api('/api/v1/admin/models/servers');
		list.replaceChildren(...servers.map(serverItem));
		if (!servers.length) {
			list.append(el('li', { class: 'hint', text: 'None answered at the usual addresses (RAGCHAT_MODELS_OLLAMA, RAGCHAT_MODELS_OPENAI_COMPATIBLE). Start one, or type its address below.' }));
		}
	} catch (error) {
		list.replaceChildren();
		showFailure(error);
	} finally {
		list.removeAttribute('aria-busy');
	}
}

function serverItem(server) {
	const name = server.kind === 'ollama' ? 'Ollama' : 'OpenAI-compatible server';
	return el('li', { class: 'models-server', 'data-kind': server.kind, 'data-url': server.baseUrl },
		el('span', {}, el('strong', { text: name }), ` at ${server.baseUrl}: `,
			server.models.length ? `${server.models.length} model${server.models.length > 1 ? 's' : ''} (${server.models.join(', ')})` : 'no models yet'),
		' ', el('button', { type: 'button', class: 'quiet use-server', text: 'Use this server', 'aria-label': `Use ${name} at ${server.baseUrl}`,
			onclick: () => useServer(server) }));
}

function useServer(server) {
	const form = $('models-form');
	form.kind.value = server.kind;
	form.baseUrl.value = server.baseUrl;
	form.apiKey.value = '';
	kindChanged();
	modelOptions(server.models, server.models[0]);
	$('models-result').textContent = `${server.models.length} model(s) listed: pick one, then “Test and use”.`;
	(server.models.length ? $('models-model') : $('models-model-name')).focus();
}

async function listModels() {
	const form = $('models-form');
	await guarded(async () => {
		const body = { kind: form.kind.value, baseUrl: form.baseUrl.value.trim() };
		if (form.apiKey.value) body.apiKey = form.apiKey.value;
		const { models: names } = await api('/api/v1/admin/models/list', { method: 'POST', json: body });
		modelOptions(names, names[0]);
		$('models-result').textContent = names.length ? `${names.length} model(s) listed.` : 'The server listed no models: type the name.';
	});
}

/** The choice the form holds, as the server takes it. */
function formBody(form) {
	const kind = form.kind.value;
	const body = { kind };
	if (kind === 'ollama' || kind === 'openai-compatible') {
		body.baseUrl = form.baseUrl.value.trim();
		body.model = $('models-model').hidden ? form.modelName.value.trim() : form.model.value;
		if (form.apiKey.value) body.apiKey = form.apiKey.value;
		else if ($('models-forget-key').checked) body.apiKey = '';
	}
	if (kind === 'llama-cpp') body.modelPath = form.modelPath.value.trim();
	return body;
}

async function save(event) {
	event.preventDefault();
	const form = event.target;
	const kind = form.kind.value;
	const body = formBody(form);
	const result = $('models-result');
	result.textContent = kind === 'extractive' ? 'Saving…' : 'Testing: one call to the model…';
	$('models-save').disabled = true;
	try {
		showError('');
		const configId = target();
		const chosen = await api(choiceUrl(configId), { method: 'PUT', json: body });
		form.apiKey.value = '';
		if (configId) {
			await showPersonas();
		} else {
			models.choice = chosen.choice;
			models.current = chosen.choice.current;
		}
		showChoice(chosen.choice);
		fillForm(chosen.choice);
		result.textContent = `Kept. ${describe(chosen.choice.current)}`
			+ (chosen.reply ? ` The test call answered “${chosen.reply.slice(0, 80)}”.` : '');
		result.dataset.outcome = 'kept';
	} catch (error) {
		result.textContent = `Not kept: ${error.message}`;
		result.dataset.outcome = 'failed';
	} finally {
		$('models-save').disabled = false;
	}
}

async function reset() {
	await guarded(async () => {
		const configId = target();
		const choice = await api(choiceUrl(configId), { method: 'DELETE' });
		if (configId) {
			await showPersonas();
		} else {
			models.choice = choice;
			models.current = choice.current;
		}
		showChoice(choice);
		fillForm(choice);
		$('models-result').textContent = `${configId ? 'Back to the service\'s generator.' : 'Back to the configuration.'} ${describe(choice.current)}`;
		$('models-result').dataset.outcome = 'reset';
	});
}

$('tab-models').addEventListener('click', modelsShown);
$('models-kind').addEventListener('change', () => { kindChanged(); modelOptions([], null); });
$('models-for').addEventListener('change', forChanged);
$('models-scan').addEventListener('click', scan);
$('models-list').addEventListener('click', listModels);
$('models-form').addEventListener('submit', save);
$('models-reset').addEventListener('click', reset);
$('models-offer').addEventListener('click', () => {
	const form = $('models-form');
	if (form.reportValidity()) offer(formBody(form));
});
$('models-offer-configured').addEventListener('click', () => offer({ kind: 'configured' }));
// a key typed but not sent is forgotten with the credential
$('sign-out').addEventListener('click', () => { $('models-form').reset(); $('models-result').textContent = ''; $('found-model')?.remove(); });
