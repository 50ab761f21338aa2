// Evaluations: a golden set uploaded and run through the service's own search and answers
// with chosen settings (search mode, top k, reranker, persona), its progress polled, the
// run cancelled, its totals and each question's result read, and two runs compared side by
// side. Any key with the chat scope on the knowledge base may (the tab is hidden without).
import { $, api, el, guarded, kbPath, showError, state, when } from './core.js';
import { openTrace } from './trace.js';

const POLL_MS = 1000;

const FIGURES = {
	documentRecallAt5: 'Expected document in the top 5 found (recall@5)',
	documentRecallAt10: 'Expected document in the top 10 found (recall@10)',
	documentMrr: 'Expected document: mean reciprocal rank',
	pageRecallAt5: 'Expected page in the top 5 found (recall@5)',
	pageRecallAt10: 'Expected page in the top 10 found (recall@10)',
	pageMrr: 'Expected page: mean reciprocal rank',
	citesExpected: 'Answers citing an expected page or document',
	citationsExpected: 'Citations that are expected',
	grounded: 'Answerable questions answered (grounded)',
	refused: 'Questions to refuse that were refused',
	latencyP50Ms: 'Answer time, median (ms)',
	latencyP95Ms: 'Answer time, 95th percentile (ms)',
};

const VERDICTS = { BETTER: 'better', WORSE: 'worse', WITHIN_NOISE: 'within noise', N_DIFFERS: 'not compared (other n)' };

const evaluations = { shown: null, timer: null, runs: [] };

const path = (kb, id = '') => `${kbPath(kb)}/evaluations${id ? `/${encodeURIComponent(id)}` : ''}`;

function value(metric, name) {
	if (!metric || metric.value === null || metric.value === undefined) return '–';
	if (name.startsWith('latency')) return `${Math.round(metric.value)} ms`;
	return metric.value.toFixed(3);
}

function over(metric, name) {
	if (!metric) return '';
	if (metric.hits !== null && metric.hits !== undefined) return `${metric.hits} of ${metric.n}`;
	return `${metric.n} ${name === 'citationsExpected' ? 'citations' : 'questions'}`;
}

function settingsText(s) {
	return `${s.mode}, top ${s.topK}, ${s.rerank ? 'reranked' : 'not reranked'}${s.configId ? `, persona ${s.configId}` : ''}`;
}

async function shown() {
	const select = $('eval-kb');
	const current = select.value || (state.kb && state.kb.id);
	select.replaceChildren(...state.knowledgeBases.map((kb) => el('option', { value: kb.id, text: kb.name })));
	if (current && state.knowledgeBases.some((kb) => kb.id === current)) select.value = current;
	await guarded(async () => {
		await loadPersonas();
		await loadRuns();
	});
}

async function loadPersonas() {
	const kb = $('eval-kb').value;
	const { chatConfigs } = await api('/api/v1/chat-configs?limit=100').catch(() => ({ chatConfigs: [] }));
	$('eval-persona').replaceChildren(el('option', { value: '', text: "None: the service's settings" }),
		...chatConfigs.filter((c) => !kb || !c.knowledgeBase || c.knowledgeBase === kb)
			.map((c) => el('option', { value: c.id, text: c.name || c.id })));
}

async function loadRuns() {
	const kb = $('eval-kb').value;
	if (!kb) {
		$('eval-rows').replaceChildren();
		return;
	}
	const { evaluations: runs } = await api(`${path(kb)}?limit=50`);
	evaluations.runs = runs;
	$('eval-rows').replaceChildren(...runs.map((run) => el('tr', { 'data-id': run.id },
		el('td', { text: run.name || run.id }),
		el('td', { class: `eval-status eval-${run.status.toLowerCase()}`, text: run.status }),
		el('td', { text: settingsText(run.settings) }),
		el('td', { text: `${run.done} of ${run.total}` }),
		el('td', { text: when(run.startedAt || run.createdAt) }),
		el('td', {}, el('button', { type: 'button', class: 'quiet', text: 'Show', 'aria-label': `Show ${run.name || run.id}`,
			onclick: () => guarded(() => show(run.id)) })))));
	if (!runs.length) $('eval-rows').append(el('tr', {}, el('td', { colspan: 6, text: 'No evaluation yet.' })));
	const options = () => runs.map((run) => el('option', { value: run.id, text: `${run.name || run.id} (${run.status})` }));
	const [a, b] = [$('eval-a').value, $('eval-b').value];
	$('eval-a').replaceChildren(...options());
	$('eval-b').replaceChildren(...options());
	if (runs.length > 1) {
		$('eval-a').value = runs.some((r) => r.id === a) ? a : runs[1].id;
		$('eval-b').value = runs.some((r) => r.id === b) ? b : runs[0].id;
	}
}

async function run(event) {
	event.preventDefault();
	const form = event.target;
	const kb = form.kb.value;
	const file = form.goldenSet.files[0];
	if (!kb || !file) {
		showError('Choose a knowledge base and a golden set file.');
		return;
	}
	await guarded(async () => {
		const data = new FormData();
		data.append('goldenSet', file);
		data.append('mode', form.mode.value);
		data.append('rerank', String(form.rerank.checked));
		if (form.name.value.trim()) data.append('name', form.name.value.trim());
		if (form.topK.value) data.append('topK', form.topK.value);
		if (form.configId.value) data.append('configId', form.configId.value);
		const started = await api(path(kb), { method: 'POST', body: data });
		form.goldenSet.value = '';
		await loadRuns();
		await show(started.id);
	});
}

/** Shows a run: its progress while it runs (polled), then its totals and questions. */
async function show(id) {
	clearTimeout(evaluations.timer);
	const kb = $('eval-kb').value;
	const evaluation = await api(path(kb, id));
	evaluations.shown = evaluation;
	const running = evaluation.status === 'QUEUED' || evaluation.status === 'RUNNING';
	$('eval-progress').hidden = !running;
	if (running) {
		$('eval-progress-text').textContent = `${evaluation.name || evaluation.id}: ${evaluation.status === 'QUEUED'
			? 'queued behind another run' : `${evaluation.done} of ${evaluation.total} questions`}`;
		$('eval-progress-bar').max = evaluation.total;
		$('eval-progress-bar').value = evaluation.done;
		evaluations.timer = setTimeout(() => guarded(() => show(id)), POLL_MS);
	}
	$('eval-detail').hidden = false;
	$('eval-detail-title').textContent = `${evaluation.name || evaluation.id}: ${evaluation.status}`;
	$('eval-detail-settings').textContent = `${settingsText(evaluation.settings)}; ${evaluation.done} of ${evaluation.total}`
		+ ` questions${evaluation.error ? `. ${evaluation.error}` : ''}`;
	const totals = evaluation.totals || {};
	$('eval-totals').replaceChildren(...Object.keys(FIGURES).filter((name) => totals[name]).map((name) => el('tr', {},
		el('th', { scope: 'row', text: FIGURES[name] }),
		el('td', { text: value(totals[name], name) }),
		el('td', { text: over(totals[name], name) }))));
	if (!Object.keys(totals).length) {
		$('eval-totals').replaceChildren(el('tr', {}, el('td', { colspan: 3, text: 'The totals come when the run ends.' })));
	}
	const { questions } = await api(`${path(kb, id)}/questions?limit=500`);
	$('eval-questions').replaceChildren(...questions.map((result) => el('li', {}, showQuestion(result, kb))));
	if (!running) await loadRuns();
}

function scoreLine(result) {
	const s = result.scores;
	if (!result.answerable) return result.grounded ? 'To refuse: answered (counts against)' : 'To refuse: refused';
	const parts = [
		`document ${s.documentRank ? `found at rank ${s.documentRank}` : 'not in the top 10'}`,
		...(result.pages.length ? [`page ${s.pageRank ? `found at rank ${s.pageRank}` : 'not in the top 10'}`] : []),
		result.grounded ? 'grounded' : 'not grounded',
		`${s.expectedCitations} of ${s.citations} citations expected`,
	];
	return parts.join('; ');
}

/**
 * One question's result: what was asked and expected, the answer, its citations, what the
 * search found and the scores. (The place for an "Open trace" button.)
 */
export function showQuestion(result, knowledgeBase = null) {
	const ok = result.answerable ? result.grounded && result.scores.citesExpected : !result.grounded;
	const expected = [...result.pages.map((p) => `${p.document}, page ${p.page}`),
		...result.documents.filter((d) => !result.pages.some((p) => p.document === d))];
	const details = el('details', { class: `eval-question ${ok ? 'eval-ok' : 'eval-miss'}` },
		el('summary', {},
			el('span', { class: 'eval-mark', 'aria-label': ok ? 'as expected' : 'not as expected', text: ok ? '✓' : '✗' }),
			` ${result.id}: ${result.question}`),
		el('p', { class: 'hint', text: result.answerable ? `Expected: ${expected.join('; ')}` : 'Expected: refused' }),
		el('p', { class: 'hint', text: `${scoreLine(result)}; ${result.latencyMillis} ms` }),
		el('blockquote', { class: 'eval-answer', text: result.answer || '' }),
		el('button', { type: 'button', class: 'quiet why', 'aria-haspopup': 'dialog',
			text: result.grounded ? 'Why this answer?' : 'Why not found?',
			onclick: () => openTrace(result.trace || null,
				{ knowledgeBase, refusal: result.refusal || null, grounded: result.grounded }) }));
	if (result.refusal) {
		details.append(el('p', { class: 'hint', text: `Refused: ${result.refusal.reason} (${result.refusal.detail})` }));
	}
	if (result.reference) details.append(el('p', { class: 'hint', text: `Reference answer: ${result.reference}` }));
	if (result.citations.length) {
		details.append(el('p', { class: 'eval-label', text: 'Citations' }), el('ol', { class: 'eval-citations' },
			...result.citations.map((c) => el('li', { class: c.expected ? 'eval-expected' : '' },
				`${c.filename}, page ${c.page}${c.expected ? ' (expected)' : ''}`,
				...(c.quote ? [el('span', { class: 'quote', text: ` “${c.quote}”` })] : [])))));
	}
	details.append(el('p', { class: 'eval-label', text: 'Found by the search, best first' }), el('ol', { class: 'eval-found' },
		...result.found.map((f) => el('li', {}, `${f.filename}, page ${f.page}${f.pageEnd !== f.page ? `–${f.pageEnd}` : ''}`))));
	return details;
}

async function cancel() {
	const evaluation = evaluations.shown;
	if (!evaluation) return;
	await guarded(async () => {
		await api(path($('eval-kb').value, evaluation.id), { method: 'DELETE' });
		await show(evaluation.id);
	});
}

async function compare(event) {
	event.preventDefault();
	const form = event.target;
	await guarded(async () => {
		const kb = $('eval-kb').value;
		const comparison = await api(`${path(kb)}/compare?a=${encodeURIComponent(form.a.value)}&b=${encodeURIComponent(form.b.value)}`);
		$('eval-comparison-title').textContent = `${comparison.a.name || comparison.a.id} and ${comparison.b.name || comparison.b.id}`;
		$('eval-compare-rows').replaceChildren(...comparison.figures.map((f) => el('tr', { class: f.verdict ? `eval-${f.verdict.toLowerCase()}` : '' },
			el('th', { scope: 'row', text: FIGURES[f.name] || f.name }),
			el('td', { text: `${value(f.a, f.name)} (${over(f.a, f.name)})` }),
			el('td', { text: `${value(f.b, f.name)} (${over(f.b, f.name)})` }),
			el('td', { text: f.difference === null || f.difference === undefined ? '–'
				: (f.difference > 0 ? '+' : '') + (f.name.startsWith('latency') ? `${Math.round(f.difference)} ms` : f.difference.toFixed(3)) }),
			el('td', { text: f.verdict ? VERDICTS[f.verdict] : '' }))));
		$('eval-comparison').hidden = false;
	});
}

function forget() {
	clearTimeout(evaluations.timer);
	evaluations.shown = null;
	evaluations.runs = [];
	for (const id of ['eval-rows', 'eval-totals', 'eval-questions', 'eval-compare-rows', 'eval-a', 'eval-b']) $(id).replaceChildren();
	$('eval-detail').hidden = true;
	$('eval-comparison').hidden = true;
	$('eval-progress').hidden = true;
}

$('tab-evaluations').addEventListener('click', shown);
$('eval-kb').addEventListener('change', () => { forget(); guarded(async () => { await loadPersonas(); await loadRuns(); }); });
$('eval-form').addEventListener('submit', run);
$('eval-cancel').addEventListener('click', cancel);
$('eval-compare-form').addEventListener('submit', compare);
$('sign-out').addEventListener('click', forget);
