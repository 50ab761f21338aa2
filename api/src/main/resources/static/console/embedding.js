// A knowledge base's embedding model, and its change to another without downtime
// (POST …/embedding-model): the chunks are embedded again in the background while
// searches answer from the current model; the progress shows here, polled every two
// seconds while a change runs, with a Cancel button (DELETE). Changing and cancelling
// need the admin scope in that knowledge base (the master key, an admin key, a manager).
import { $, api, el, guarded, kbPath, mayIn } from './core.js';

const LIVE = new Set(['RUNNING', 'SWITCHING']);
let shownKb = null;
let timer = null;
let models = null;

/** Shows the open knowledge base's model and its latest change. */
export async function loadEmbedding(kb) {
	shownKb = kb;
	clearTimeout(timer);
	$('embedding').hidden = false;
	$('embedding-form').hidden = !mayIn('admin', kb);
	await guarded(async () => {
		if (!models) ({ models } = await api('/api/v1/embedding-models'));
		const view = await api(`${kbPath(kb)}/embedding-model`);
		if (shownKb !== kb) return;
		render(kb, view);
	});
}

/** Hides the panel and stops polling (signed out, or the knowledge base deleted). */
export function forgetEmbedding() {
	shownKb = null;
	models = null;
	clearTimeout(timer);
	timer = null;
	$('embedding').hidden = true;
}

function render(kb, view) {
	$('embedding-current').textContent = `${view.embeddingModel} (${view.dimensions} dimensions)`;
	const others = models.filter((m) => m.name !== view.embeddingModel);
	$('embedding-model').replaceChildren(...others.map((m) => el('option', { value: m.name, text: `${m.name} (${m.dimensions} dimensions)` })));
	const m = view.migration;
	const live = m && LIVE.has(m.status);
	$('embedding-form').hidden = !mayIn('admin', kb) || live || !others.length;
	$('embedding-migration').hidden = !m;
	$('embedding-cancel').hidden = !(live && m.status === 'RUNNING' && mayIn('admin', kb));
	if (m) {
		const { chunksDone, chunksTotal } = m.progress;
		$('embedding-progress').value = chunksTotal ? chunksDone / chunksTotal : (live ? 0 : 1);
		$('embedding-progress').hidden = !live;
		$('embedding-migration-text').textContent = describe(m);
	}
	$('embedding').dataset.status = m ? m.status : '';
	if (live) timer = setTimeout(() => loadEmbedding(kb), 2000);
}

function describe(m) {
	const { chunksDone, chunksTotal } = m.progress;
	switch (m.status) {
		case 'RUNNING': return `Moving to ${m.to.model}: ${chunksDone} of ${chunksTotal} chunks embedded again; searches answer from ${m.from.model} meanwhile.`;
		case 'SWITCHING': return `Switching to ${m.to.model}…`;
		case 'SUCCEEDED': return `Moved from ${m.from.model} to ${m.to.model}.`;
		case 'CANCELLED': return `The move to ${m.to.model} was cancelled; ${m.from.model} stays.`;
		default: return `The move to ${m.to.model} failed: ${m.error || 'no reason given'}; ${m.from.model} stays.`;
	}
}

$('embedding-form').addEventListener('submit', async (event) => {
	event.preventDefault();
	const kb = shownKb;
	const model = $('embedding-model').value;
	if (!kb || !model) return;
	if (!confirm(`Embed every chunk of this knowledge base again with ${model}? Searches keep answering meanwhile.`)) return;
	await guarded(async () => {
		await api(`${kbPath(kb)}/embedding-model`, { method: 'POST', json: { model } });
		await loadEmbedding(kb);
	});
});

$('embedding-cancel').addEventListener('click', async () => {
	const kb = shownKb;
	if (!kb) return;
	await guarded(async () => {
		await api(`${kbPath(kb)}/embedding-model`, { method: 'DELETE' });
		await loadEmbedding(kb);
	});
});
