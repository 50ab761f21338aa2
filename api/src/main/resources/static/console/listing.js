// An answer about the whole knowledge base (outcome "list": "Which leases have a
// termination fee?"): beside its text, which cites the first 50, how many documents of
// the scope say it, a table of every item (scrolled within the answer; each document
// opens the viewer at the quote's page) and a CSV of every item to download. A document
// synced from a web page gets its link once its row is scrolled into view, so that
// hundreds of items do not ask for hundreds of documents at once.
import { el } from './core.js';
import { openCitation } from './viewer.js';
import { withPageLink } from './weblinks.js';

const COLUMNS = ['document', 'title', 'filename', 'page', 'value', 'unit', 'period', 'quote'];

/**
 * @param listing the answer's listing fields: asks, says, count, scanned, truncated, items
 * @param kb the knowledge base of items that do not name theirs
 * @returns the heading line, the table and its Download CSV button
 */
export function listingPanel(listing, kb) {
	const items = listing.items || [];
	// a figure or a name of each document ("the notice period of each", "every supplier")
	const each = items.some((item) => item.value);
	const scanned = listing.scanned ?? items.length;
	const heading = el('p', { class: 'listing-count',
		text: `${listing.count ?? items.length} of ${scanned} document${scanned === 1 ? '' : 's'} in scope` });
	const panel = el('div', { class: 'listing' }, heading);
	if (listing.truncated) {
		panel.append(el('p', { class: 'listing-truncated hint',
			text: 'The search stopped at its depth: more documents may say it than are listed here.' }));
	}
	if (!items.length) return panel;
	const rows = items.map((item) => row(item, each, item.knowledgeBase || kb));
	const scroller = el('div', { class: 'listing-scroll', tabindex: '0', role: 'region',
		'aria-label': `Every document that says ${listing.says || 'it'}` },
	el('table', { class: 'list listing-table' },
		el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Document' }), el('th', { scope: 'col', text: 'Page' }),
			each ? el('th', { scope: 'col', text: 'Value' }) : '', el('th', { scope: 'col', text: 'Quote' }))),
		el('tbody', {}, ...rows)));
	linkWhenSeen(scroller, rows);
	panel.append(scroller, el('button', { type: 'button', class: 'quiet listing-csv', text: 'Download CSV',
		'aria-label': `Download every one of the ${items.length} documents as CSV`,
		onclick: () => download(listing) }));
	return panel;
}

function row(item, each, kb) {
	const label = item.title || item.filename || item.documentId;
	const open = el('button', { type: 'button', class: 'quiet listing-open', 'data-document': item.documentId,
		'aria-label': `Open ${label} at page ${item.page}`,
		onclick: () => {
			const opening = openCitation(kb, { index: item.citation, documentId: item.documentId, filename: item.filename,
				page: item.page, quote: item.quote, chunkId: item.chunkId }, item.quote || '');
			// not every item is cited in the text: the viewer is titled by the document
			document.getElementById('preview-title').textContent = `${label}, page ${item.page}`;
			return opening;
		} }, label);
	const source = el('td', { class: 'listing-document' }, open);
	if (item.filename && item.filename !== label) source.append(el('span', { class: 'listing-file', text: item.filename }));
	const tr = el('tr', { 'data-document': item.documentId }, source, el('td', { text: String(item.page ?? '') }),
		each ? el('td', { class: 'listing-value', text: valueText(item.value) }) : '',
		el('td', {}, el('q', { class: 'listing-quote', text: item.quote || '' })));
	tr.linkPage = () => open.replaceWith(withPageLink(open, kb, { documentId: item.documentId, index: item.citation ?? label },
		item.quote || ''));
	return tr;
}

/** Each row's web-page link, looked up when the row first comes into view. */
function linkWhenSeen(scroller, rows) {
	const seen = new IntersectionObserver((entries) => {
		for (const entry of entries) {
			if (!entry.isIntersecting) continue;
			seen.unobserve(entry.target);
			entry.target.linkPage();
		}
	}, { root: scroller, rootMargin: '200px 0px' });
	rows.forEach((tr) => seen.observe(tr));
}

function valueText(value) {
	if (!value) return '';
	return value.period ? `${value.text} (${value.period})` : value.text || '';
}

/** Every item as CSV (RFC 4180), saved under a name made of what was asked. */
function download(listing) {
	const lines = [COLUMNS, ...(listing.items || []).map((item) => {
		const value = item.value || {};
		return [item.documentId, item.title, item.filename, item.page, value.amount ?? value.text, value.unit, value.period,
			item.quote];
	})].map((cells) => cells.map(cell).join(','));
	const url = URL.createObjectURL(new Blob([`${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' }));
	const link = el('a', { href: url, download: `${fileName(listing.says)}.csv` });
	document.body.append(link);
	link.click();
	link.remove();
	setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/**
 * One CSV field: quoted when it holds a comma, a quote or a line break (its quotes
 * doubled); one a spreadsheet would read as a formula (= + - @, or a tab or carriage
 * return before one) starts with a single quote.
 */
export function cell(value) {
	let text = value === undefined || value === null ? '' : String(value);
	if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A file name of what the documents say: letters, digits and dashes only. */
export function fileName(says) {
	const name = (says || '').normalize('NFKD').replace(/[^\w\s-]/g, '').trim().toLowerCase()
		.replace(/[\s_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80).replace(/-+$/, '');
	return name || 'documents';
}
