// The document viewer: a PDF page by page as the server renders it (the cited passage
// highlighted on its page, the view scrolled to it), Markdown and HTML rendered
// (sanitised), other types as their text, with the quote marked wherever its letters and
// digits stand in order (blanks, line breaks and markup between them do not matter).
// Server-rendered pages keep the strict CSP as it is (no worker, no eval) and show
// exactly the boxes the server computed for the quote. A chip's own quote is looked for
// first; where it is not on the page, the passage (chunk) it was cited from, never
// another chip's quote.
import { $, api, documentsPath, el, guarded } from './core.js';
import { markPassage, renderSource } from './markdown.js';
import { originalUrl } from './weblinks.js';

const ZOOMS = [50, 75, 100, 125, 150, 200, 300];
const MAX_QUOTE = 2000;
const RENDERED = ['text/markdown', 'text/x-web-markdown', 'text/html', 'application/xhtml+xml'];
const view = { kb: null, doc: null, page: 1, pages: 1, quote: null, quotePage: null, boxes: [], zoom: 2 };

/** Opens the page a citation names, with its quote highlighted. */
export async function openCitation(kb, citation, quote) {
	const title = `Source ${citation.index}: ${citation.filename}, page ${citation.page}`;
	// the citation's boxes are its own quote's: another quote (a repeated chip's) finds its
	// place on the rendered page
	const boxes = quote === citation.quote ? citation.boxes || [] : [];
	await open(kb, { id: citation.documentId, filename: citation.filename }, citation.page, quote,
		boxes, title, citation.snippet, citation.chunkId || null);
}

/** Opens a document at a page (from the documents list, or a search hit with its chunk highlighted). */
export async function openDocument(kb, doc, page, chunkId = null) {
	await open(kb, doc, page, null, [], `${doc.filename}`, null, chunkId);
}

async function open(kb, doc, page, quote, boxes, title, snippet, chunkId = null) {
	Object.assign(view, { kb, doc, page, quote, chunkId, quotePage: (quote || chunkId) ? page : null, boxes, pages: page });
	$('preview-title').textContent = title;
	$('preview-quote').textContent = quote || '';
	$('preview-text').hidden = true;
	$('preview-page').hidden = true;
	$('viewer-tools').hidden = true;
	const dialog = $('preview');
	if (!dialog.open) dialog.showModal();
	await guarded(async () => {
		const found = await api(`${documentsPath(kb)}/${encodeURIComponent(doc.id)}`);
		view.doc = found;
		if (found.mediaType === 'application/pdf') {
			view.pages = found.pages || (found.progress && found.progress.pagesTotal) || page;
			$('viewer-tools').hidden = false;
			await showPage();
		} else {
			await showText(found, quote, snippet);
		}
	});
}

async function showPage() {
	const image = $('preview-image');
	const box = $('preview-page');
	$('page-label').textContent = `Page ${view.page} of ${view.pages}`;
	$('page-prev').disabled = view.page <= 1;
	$('page-next').disabled = view.page >= view.pages;
	applyZoom();
	const params = new URLSearchParams();
	if (view.page === view.quotePage) {
		if (view.quote && view.quote.length <= MAX_QUOTE) params.set('quote', view.quote);
		if (view.chunkId) params.set('highlight', view.chunkId);
	}
	const path = `${documentsPath(view.kb)}/${encodeURIComponent(view.doc.id)}/pages/${view.page}`;
	const highlight = params.size > 0;
	let blob;
	try {
		blob = await api(highlight ? `${path}?${params}` : path);
	} catch (error) {
		if (!highlight) throw error;
		// the passage is not on this page: the page all the same, and say so
		blob = await api(path);
		$('preview-quote').textContent = `${view.quote || ''} (not found on this page)`.trim();
	}
	if (image.src) URL.revokeObjectURL(image.src);
	image.dataset.page = String(view.page);
	image.onload = () => scrollToHighlight();
	image.src = URL.createObjectURL(blob);
	image.alt = highlight
		? `Page ${view.page} of ${view.doc.filename} with the quoted passage highlighted`
		: `Page ${view.page} of ${view.doc.filename}`;
	image.hidden = false;
	box.hidden = false;
}

/** Brings the highlighted lines into view inside the scrolling page. */
function scrollToHighlight() {
	const box = $('preview-page');
	const image = $('preview-image');
	const lines = view.page !== view.quotePage ? [] : view.boxes.filter((b) => b.page === view.page);
	const found = lines.length ? { y: Math.min(...lines.map((b) => b.y)), x: Math.min(...lines.map((b) => b.x)) }
		: view.page === view.quotePage ? highlightOnImage(image) : null;
	if (!found) {
		box.scrollTop = 0;
		return;
	}
	const top = found.y * image.clientHeight;
	const left = found.x * image.clientWidth;
	box.scrollTop = Math.max(0, top - box.clientHeight / 3);
	box.scrollLeft = Math.max(0, left - 20);
}

/**
 * Where the server drew its highlight on the page picture (its first highlighted row and
 * leftmost column, as fractions), read from a small copy of the picture: for a quote
 * whose boxes the citation does not carry.
 */
function highlightOnImage(image) {
	if (!image.naturalWidth) return null;
	const width = 300;
	const height = Math.round(image.naturalHeight * width / image.naturalWidth);
	const canvas = document.createElement('canvas');
	canvas.width = width;
	canvas.height = height;
	const g = canvas.getContext('2d', { willReadFrequently: true });
	g.drawImage(image, 0, 0, width, height);
	const d = g.getImageData(0, 0, width, height).data;
	let top = -1;
	let left = width;
	for (let y = 0; y < height; y++) {
		let row = 0;
		for (let x = 0; x < width; x++) {
			const p = (y * width + x) * 4;
			if (d[p] > 200 && d[p + 1] > 150 && d[p + 2] < 170) {
				row++;
				left = Math.min(left, x);
			}
		}
		if (row > 3 && top < 0) top = y;
	}
	return top < 0 ? null : { y: top / height, x: left / width };
}

function applyZoom() {
	$('preview-image').style.width = `${ZOOMS[view.zoom]}%`;
	$('zoom-out').disabled = view.zoom === 0;
	$('zoom-in').disabled = view.zoom === ZOOMS.length - 1;
}

/**
 * Markdown and HTML rendered (sanitised), other text files as they are; other types
 * (DOCX, images read by OCR) as the passages the index holds, each under its heading
 * path. The quote, where it stands, is marked; else the passage it was cited from.
 */
async function showText(doc, quote, snippet) {
	const box = $('preview-text');
	box.replaceChildren();
	box.hidden = false;
	const type = (doc.mediaType || '').split(';')[0];
	box.dataset.rendered = String(RENDERED.includes(type));
	if (RENDERED.includes(type)) {
		const blob = await api(`${documentsPath(view.kb)}/${encodeURIComponent(doc.id)}/content`);
		// its links read against the page it was synced from, if it was (never this service)
		box.append(el('article', { class: 'rendered' }, renderSource(await blob.text(), type, originalUrl(doc))));
	} else if (type.startsWith('text/')) {
		const blob = await api(`${documentsPath(view.kb)}/${encodeURIComponent(doc.id)}/content`);
		box.append(el('section', { class: 'passage' }, el('p', { text: await blob.text() })));
	} else {
		const { chunks } = await api(`${documentsPath(view.kb)}/${encodeURIComponent(doc.id)}/chunks`);
		for (const c of chunks) {
			const section = el('section', { class: 'passage' });
			if (c.headingPath) section.append(el('h3', { text: c.headingPath }));
			section.append(el('p', { text: c.text }));
			box.append(section);
		}
	}
	const marked = (quote && markPassage(box, quote)) || (snippet && snippet !== quote && markPassage(box, snippet));
	if (marked) marked.scrollIntoView({ block: 'center' });
}

export function wireViewer() {
	$('page-prev').addEventListener('click', () => { if (view.page > 1) { view.page--; guarded(showPage); } });
	$('page-next').addEventListener('click', () => { if (view.page < view.pages) { view.page++; guarded(showPage); } });
	$('zoom-in').addEventListener('click', () => { view.zoom = Math.min(ZOOMS.length - 1, view.zoom + 1); applyZoom(); scrollToHighlight(); });
	$('zoom-out').addEventListener('click', () => { view.zoom = Math.max(0, view.zoom - 1); applyZoom(); scrollToHighlight(); });
	$('preview').addEventListener('close', () => {
		const image = $('preview-image');
		if (image.src) URL.revokeObjectURL(image.src);
		image.removeAttribute('src');
	});
}
