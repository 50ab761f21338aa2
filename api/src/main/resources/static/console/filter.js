// The search view's filter: conditions picked from what this knowledge base's documents
// carry (key, operator, value), written as the JSON filter the API takes into the JSON box
// beside them, which power users may still edit by hand. The keys offered are those a
// filter really accepts (MetadataFilter): the documents' own fields, always there, and
// the top-level text, number and true/false values of their metadata (uploads' metadata;
// synced documents' source and path).
import { $, api, el, kbPath } from './core.js';

/** The fields every document carries for filters, whatever its metadata (Documents.searchableValues). */
const BUILT_IN = ['filename', 'mediaType', 'createdAt', 'updatedAt', 'version'];

/** What a key may be (MetadataFilter.KEY). */
const KEY = /^[A-Za-z0-9_-]{1,64}$/;

const OPS = [['eq', 'is'], ['ne', 'is not'], ['gt', 'more than'], ['gte', 'at least'], ['lt', 'less than'],
	['lte', 'at most'], ['in', 'is one of (comma-separated)'], ['nin', 'is none of (comma-separated)']];

/** The values seen per key in the open knowledge base: key -> Map(value as text -> value). */
let seen = new Map();
let loadedKb = null;
let rowCount = 0;

/** Reads the keys and values this knowledge base's documents carry, and offers them. */
export async function loadFilterKeys(kb) {
	if (!kb) return;
	loadedKb = kb;
	seen = new Map();
	let documents = [];
	try {
		({ documents = [] } = await api(`${kbPath(kb)}/documents`));
	} catch {
		// no documents to read (or not allowed to list them): the fields every document has
	}
	if (loadedKb !== kb) return;
	for (const d of documents) {
		const metadata = d.metadata && typeof d.metadata === 'object' ? d.metadata : {};
		for (const [key, value] of Object.entries(metadata)) {
			if (KEY.test(key) && ['string', 'number', 'boolean'].includes(typeof value)) note(key, value);
		}
		note('filename', d.filename);
		note('mediaType', d.mediaType);
		note('version', d.version ?? 1);
	}
	const own = [...seen.keys()].filter((k) => !BUILT_IN.includes(k)).sort();
	$('filter-keys').replaceChildren(...[...own, ...BUILT_IN].map((k) => el('option', { value: k })));
	const example = own[0] || 'filename';
	const value = [...(seen.get(example)?.values() || [])][0] ?? 'report.pdf';
	$('search-filter').placeholder = JSON.stringify({ key: example, op: 'eq', value });
	$('filter-keys-present').textContent = own.length
		? `This knowledge base's documents carry ${own.join(', ')}; every document has ${BUILT_IN.join(', ')}.`
		: `Its documents carry no metadata of their own; every document has ${BUILT_IN.join(', ')}.`;
	for (const row of $('filter-conditions').children) offerValues(row);
}

export function forgetFilterKeys() {
	loadedKb = null;
	seen = new Map();
	$('filter-conditions').replaceChildren();
	$('filter-keys').replaceChildren();
	$('search-filter').value = '';
	$('search-filter').placeholder = '';
}

function note(key, value) {
	if (value === undefined || value === null) return;
	if (!seen.has(key)) seen.set(key, new Map());
	seen.get(key).set(String(value), value);
}

/** Adds an empty condition, its key field focused. */
export function addCondition() {
	const n = ++rowCount;
	const key = el('input', { id: `filter-key-${n}`, class: 'filter-key', list: 'filter-keys', maxlength: 64,
		autocomplete: 'off', placeholder: 'key', 'aria-label': 'Key' });
	const op = el('select', { id: `filter-op-${n}`, class: 'filter-op', 'aria-label': 'Operator' },
		...OPS.map(([value, words]) => el('option', { value, text: words })));
	const value = el('input', { id: `filter-value-${n}`, class: 'filter-value', list: `filter-values-${n}`,
		autocomplete: 'off', placeholder: 'value', 'aria-label': 'Value' });
	const row = el('div', { class: 'filter-condition', role: 'group', 'aria-label': `Condition ${n}` },
		key, op, value, el('datalist', { id: `filter-values-${n}` }),
		el('button', { type: 'button', class: 'quiet', text: 'Remove', 'aria-label': `Remove condition ${n}`,
			onclick: () => { row.remove(); write(); } }));
	key.addEventListener('input', () => { offerValues(row); write(); });
	op.addEventListener('change', write);
	value.addEventListener('input', write);
	$('filter-conditions').append(row);
	key.focus();
}

function offerValues(row) {
	const key = row.querySelector('.filter-key').value.trim();
	const values = [...(seen.get(key)?.keys() || [])].sort().slice(0, 100);
	row.querySelector('datalist').replaceChildren(...values.map((v) => el('option', { value: v })));
}

/** A typed value as filters compare them: the key's documents' type (2021 is not "2021"). */
function typed(key, text) {
	const known = [...(seen.get(key)?.values() || [])];
	const kind = known.length ? typeof known[0] : key === 'version' ? 'number' : 'string';
	if (kind === 'number' && text !== '' && !Number.isNaN(Number(text))) return Number(text);
	if (kind === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
	return text;
}

/** Writes the conditions as the API's JSON filter into the JSON box (which sends them). */
function write() {
	const conditions = [];
	for (const row of $('filter-conditions').children) {
		const key = row.querySelector('.filter-key').value.trim();
		const op = row.querySelector('.filter-op').value;
		const text = row.querySelector('.filter-value').value.trim();
		if (!key) continue;
		const value = op === 'in' || op === 'nin'
			? text.split(',').map((t) => t.trim()).filter(Boolean).map((t) => typed(key, t))
			: typed(key, text);
		conditions.push({ key, op, value });
	}
	const join = $('filter-join').value;
	$('search-filter').value = !conditions.length ? ''
		: JSON.stringify(conditions.length === 1 ? conditions[0] : { [join]: conditions });
}

export function wireFilter() {
	$('filter-add').addEventListener('click', addCondition);
	$('filter-join').addEventListener('change', write);
}
