// An answer's trace: why it is what it is. The stages of the answer path as they ran
// (rewrite, shape, the vector and keyword rankings, fusion, rerank, judge, generate,
// cite), where each passage ranked in each list, what the judge decided and why, the
// quotes chosen and each stage's time; each passage opens its page in the viewer. Every
// stage the trace has is shown, each as often as it ran (a chat of several knowledge
// bases ranks each of them), with every field it has: those this file does not know
// (a later engine's) as they come. One dialog for the chat and for any screen that keeps
// answers with their traces (openTrace(trace, context)).
import { el } from './core.js';
import { openDocument } from './viewer.js';

/** What each refusal code means and what a reader can do (docs/answers.md has the same table). */
export const REFUSALS = {
	'no-sources': ['Search found no passage in the knowledge base (or none the filter lets through).',
		'Check that the documents are uploaded and ready, or loosen the filter.'],
	'below-rerank-score': ['The reranker scored every passage found below its least score.',
		'Ask with the words the documents use; the operator may lower the reranker\'s least score.'],
	'below-similarity': ['No sentence of the passages found is near enough the question.',
		'Ask with the words the documents use, or ask about one thing at a time.'],
	'names-not-in-sources': ['The question names something the passages and their documents do not speak of.',
		'Check the spelling of the names, or ask without the name the documents lack.'],
	'model-said-not-found': ['The language model read the passages and said they do not answer.',
		'Open the passages below: if one answers, ask more precisely.'],
	'citations-not-verified': ['The answer cited nothing its passages verify.',
		'Ask again; if it repeats, report the question to the operator.'],
	'needs-model': ['The message asks for writing (an e-mail, a translation, a rewrite, a comparison) that quoting cannot do: the passages that speak of it are quoted.',
		'Choose a language model for this chat, or ask for one fact at a time.'],
	'other-period': ['The question asks of a year no passage near it is of: the answer says which years they give.',
		'Ask of a year the documents cover, or add the filing or report of the year you want.'],
	'other-version': ['The question asks of a version no passage near it is of: the answer says which versions they give.',
		'Ask of a version the documents cover, or add the release notes of the version you want.'],
	'no-figure': ['The question asks a quantity (how many, how much, how long, what it costs), and no passage near it gives one.',
		'Ask what the documents say of it, or add a document that gives the figure.'],
	'no-reason': ['The question asks why, and the passages near it give no reason: they say what the answer before said, or other things of its subject, not why.',
		'Ask what the documents say of it: they give the rule, not its reason.'],
	'no-agent': ['The question asks who did something, and no passage near it names who did it.',
		'Ask what the documents say of it, or add a document that names who did it.'],
};

/** The refusals whose documents do speak of the question: not "Not in the documents". */
const SPOKEN_OF = new Set(['needs-model']);

const STAGES = {
	rewrite: 'Rewrite the question', shape: 'Shape the query', vector: 'Vector ranking', keyword: 'Keyword ranking',
	fuse: 'Fusion', rerank: 'Rerank', judge: 'Judge', widen: 'Widen to the page', generate: 'Generate', cite: 'Cite',
};

/** The rankings a passage has a place in, in the order they are made. */
const RANKINGS = [['vector', 'vector'], ['keyword', 'keyword'], ['fuse', 'fused'], ['rerank', 'reranked']];

/** The fields of a stage shown in a section of their own, or in its line's words. */
const SHOWN = new Set(['name', 'ms', 'found', 'note', 'took', 'gave', 'query', 'candidates', 'decisions', 'quotes', 'conversation']);

let dialog = null;

/**
 * Opens an answer's trace.
 * @param trace the answer's trace (POST .../messages with trace: true), or null for an
 * answer whose trace was not kept (then only its refusal is shown)
 * @param context { knowledgeBase: where the passages' pages open, knowledgeBaseOf: a
 * document's knowledge base when a chat asks several (documentId → id, or nothing: then
 * knowledgeBase), refusal: the answer's
 * refusal ({reason, detail}) when it has no trace, grounded: whether it is grounded }
 */
export function openTrace(trace, context = {}) {
	const refusal = (trace && trace.refusal) || context.refusal || null;
	const refused = refusal !== null || context.grounded === false;
	const title = refused ? 'Why not found?' : 'Why this answer?';
	const body = el('div', { class: 'trace-body' });
	body.append(outcome(refusal, refused));
	if (!trace) {
		body.append(el('p', { class: 'trace-missing', text: 'This answer was kept without its trace (its question did not ask for one, or it was answered before traces were kept); ask it again to see its stages.' }));
	} else {
		const home = (passage) => (context.knowledgeBaseOf && context.knowledgeBaseOf(passage.documentId)) || context.knowledgeBase;
		body.append(question(trace), judge(trace), candidates(trace, home), quotes(trace, home),
			stages(trace));
	}
	show(title, body);
}

function show(title, body) {
	if (!dialog) {
		dialog = el('dialog', { id: 'trace-dialog', class: 'trace', 'aria-labelledby': 'trace-title' });
		document.body.append(dialog);
	}
	dialog.replaceChildren(
		el('div', { class: 'viewer-bar' },
			el('h2', { id: 'trace-title', text: title }),
			el('form', { method: 'dialog' }, el('button', { type: 'submit', id: 'trace-close', text: 'Close' }))),
		body);
	if (!dialog.open) dialog.showModal();
	dialog.scrollTop = 0;
}

function section(name, heading, ...content) {
	const id = `trace-${name}-title`;
	return el('section', { class: `trace-section trace-${name}`, 'aria-labelledby': id },
		el('h3', { id, text: heading }), ...content);
}

function outcome(refusal, refused) {
	if (!refused) {
		return el('p', { class: 'trace-outcome grounded', text: 'The documents answer it: every citation below is a quote verified in its source.' });
	}
	const [when, can] = (refusal && REFUSALS[refusal.reason]) || ['The documents do not answer it.', ''];
	return el('div', { class: 'trace-outcome refused' },
		el('p', {}, el('strong', { text: refusal && SPOKEN_OF.has(refusal.reason) ? 'Quoted, not answered' : 'Not in the documents' }), refusal ? ' — ' : '',
			refusal ? el('code', { class: 'trace-reason', text: refusal.reason }) : ''),
		el('p', { text: when }),
		refusal && refusal.detail ? el('p', { class: 'trace-detail', text: `What it saw: ${refusal.detail}` }) : '',
		can ? el('p', { text: `What you can do: ${can}` }) : '');
}

function stage(trace, name) {
	return trace.stages.find((s) => s.name === name) || null;
}

/** Every stage of a name, in the order they ran (a search of several knowledge bases ranks each). */
function stagesNamed(trace, name) {
	return trace.stages.filter((s) => s.name === name);
}

function question(trace) {
	const rewrite = stage(trace, 'rewrite');
	const shape = stage(trace, 'shape');
	const rows = [el('dt', { text: 'Asked' }), el('dd', { text: trace.question })];
	if (rewrite && rewrite.gave && rewrite.gave !== trace.question) rows.push(el('dt', { text: 'Searched as' }), el('dd', { text: rewrite.gave }));
	if (rewrite && rewrite.note) rows.push(el('dt', { text: 'Why' }), el('dd', { class: 'trace-rewrite-note', text: rewrite.note }));
	if (rewrite && rewrite.conversation) rows.push(...conversation(rewrite.conversation));
	if (rewrite) rows.push(...fields(rewrite));
	if (shape && shape.query) {
		const q = shape.query;
		rows.push(el('dt', { text: 'Words' }), el('dd', { text: q.keywords.map((k) => (k.weight === 1 ? k.word : `${k.word} ×${k.weight}`)).join(', ') || '—' }));
		rows.push(el('dt', { text: 'Names' }), el('dd', { text: q.names.join(', ') || '—' }));
		rows.push(el('dt', { text: 'Periods' }), el('dd', { text: q.periods.join(', ') || '—' }));
	}
	return section('question', 'The question', el('dl', { class: 'trace-query' }, ...rows));
}

function judge(trace) {
	const judged = stage(trace, 'judge');
	if (!judged) return '';
	return section('judge', 'The judge',
		el('ul', { class: 'trace-decisions' }, ...(judged.decisions || []).map((d) => el('li', { class: d.answerable ? 'answerable' : 'refused' },
			el('strong', { text: `${d.judge}: ${d.answerable ? 'let the passages through' : 'refused'}` }),
			d.reason ? ' ' : '', d.reason ? el('code', { text: d.reason }) : '',
			d.detail ? el('span', { class: 'trace-detail', text: ` — ${d.detail}` }) : ''))));
}

/**
 * Every passage of the rankings, in the order of the last one made, each with its place
 * in each ranking (— where it is not among the first listed).
 */
function candidates(trace, home) {
	const made = RANKINGS.filter(([name]) => stage(trace, name));
	const ranked = (name) => stagesNamed(trace, name).flatMap((s) => s.candidates || []);
	const passages = new Map();
	for (const [name] of [...made].reverse()) {
		for (const c of ranked(name)) {
			if (!passages.has(c.chunkId)) passages.set(c.chunkId, { candidate: c, places: {} });
		}
	}
	for (const [name] of made) {
		for (const c of ranked(name)) {
			const passage = passages.get(c.chunkId);
			if (!passage.places[name]) passage.places[name] = c;
		}
	}
	// a trace kept with the history has each passage's snippet once, in the first stage that lists it
	const snippets = new Map();
	for (const s of trace.stages) {
		for (const c of s.candidates || []) if (c.snippet && !snippets.has(c.chunkId)) snippets.set(c.chunkId, c.snippet);
	}
	const found = made.map(([name, label]) => `${label} ${stagesNamed(trace, name).map((s) => s.found ?? 0).join(' + ')}`).join(', ');
	return section('candidates', 'Where each passage ranked',
		el('p', { class: 'trace-note', text: `Candidates found: ${found}. Each list shows its first 20; rank 1 is best.` }),
		el('div', { class: 'trace-passages', role: 'list' }, ...[...passages.values()].map(({ candidate, places }) =>
			el('div', { class: 'trace-passage', role: 'listitem', 'data-chunk': candidate.chunkId },
				open(home(candidate), candidate),
				el('span', { class: 'trace-places' }, ...made.map(([name, label]) => {
					const place = places[name];
					return el('span', { class: 'trace-place', 'data-ranking': name,
						text: place ? `${label} #${place.rank} (${score(place.score)})` : `${label} —` });
				})),
				el('p', { class: 'trace-snippet', text: candidate.snippet || snippets.get(candidate.chunkId) || '' })))));
}

function quotes(trace, home) {
	const cite = stage(trace, 'cite');
	if (!cite) return '';
	return section('quotes', 'The quotes chosen',
		cite.note ? el('p', { class: 'trace-note', text: cite.note }) : '',
		el('ol', { class: 'trace-quotes' }, ...(cite.quotes || []).map((q) => el('li', {},
			open(home(q), q), ' ', el('q', { text: q.quote || '' })))));
}

/**
 * Every stage as it ran, with its time, what it found and how it ran; a stage that ran
 * more than once (one ranking per knowledge base) numbered; fields no section shows, as
 * they come.
 */
function stages(trace) {
	const runs = {};
	return section('stages', 'Each stage and its time',
		el('ol', { class: 'trace-stages' }, ...trace.stages.map((s) => {
			runs[s.name] = (runs[s.name] || 0) + 1;
			const repeated = stagesNamed(trace, s.name).length > 1;
			// the rewrite's own fields are in "The question"
			const more = s.name === 'rewrite' ? [] : fields(s);
			return el('li', { 'data-stage': s.name },
				el('strong', { text: `${STAGES[s.name] || s.name}${repeated ? ` (${runs[s.name]})` : ''}` }), ` — ${s.ms} ms`,
				s.found !== undefined && s.found !== null ? `, ${s.found} passage${s.found === 1 ? '' : 's'}` : '',
				s.note ? el('span', { class: 'trace-note', text: ` (${s.note})` }) : '',
				more.length ? el('dl', { class: 'trace-query trace-fields' }, ...more) : '');
		})),
		el('p', { class: 'trace-note', text: `In all ${trace.ms} ms.` }));
}

/** A stage's fields that no section shows (a later engine's), as terms and values. */
function fields(s) {
	return Object.entries(s).filter(([key, value]) => !SHOWN.has(key) && value !== null && value !== undefined
		&& !(Array.isArray(value) && !value.length))
		.flatMap(([key, value]) => [el('dt', { text: words(key) }), el('dd', { 'data-field': key, text: plain(value) })]);
}

/** Who put a subject in focus, in the reader's words. */
const FROM = { user: 'you named it', assistant: 'the answer named it', cited: 'the answer cited it', found: 'the answer read like it' };

/** The conversation's state at this message: what it is about, what it asks, the years. */
function conversation(state) {
	const rows = [];
	const about = (state.focus || []).map((s) => `${s.label} (${FROM[s.from] || s.from})`).join('; ');
	rows.push(el('dt', { text: 'About' }), el('dd', { 'data-field': 'focus', text: about || '—' }));
	rows.push(el('dt', { text: 'Asks for' }), el('dd', { 'data-field': 'operator', text: state.operator }));
	if (state.periods && state.periods.length) rows.push(el('dt', { text: 'Years' }), el('dd', { 'data-field': 'periods', text: state.periods.join(', ') }));
	if (state.sides && state.sides.length) rows.push(el('dt', { text: 'Compares' }), el('dd', { 'data-field': 'sides', text: state.sides.join(' / ') }));
	return rows;
}

/** A field's name in words: "constraints", "inFocus" as "in focus". */
function words(key) {
	return key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** A value as text: lists joined, objects as "key: value" pairs. */
function plain(value) {
	if (Array.isArray(value)) return value.map(plain).join(', ');
	if (value && typeof value === 'object') {
		return Object.entries(value).filter(([, v]) => v !== null && v !== undefined)
			.map(([k, v]) => `${words(k)}: ${plain(v)}`).join('; ');
	}
	return String(value);
}

/** A passage's link: opens its page in the viewer, the passage highlighted. */
function open(knowledgeBase, passage) {
	const where = `${passage.filename}, page ${passage.page}`;
	return el('button', {
		type: 'button', class: 'quiet trace-open', 'aria-label': `Open ${where}`, text: where,
		'data-document': passage.documentId,
		onclick: () => openDocument(knowledgeBase, { id: passage.documentId, filename: passage.filename }, passage.page,
			passage.chunkId),
	});
}

/** Three significant digits: scores are on each ranking's own scale. */
function score(value) {
	return typeof value === 'number' ? String(Number(value.toPrecision(3))) : '';
}
