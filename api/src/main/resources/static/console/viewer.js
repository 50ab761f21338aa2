// The document viewer: a PDF page by page as the server renders it (the cited passage
// highlighted on its page, the view scrolled to it), other types as their text with the
// quote marked. Server-rendered pages keep the strict CSP as it is (no worker, no eval)
// and show exactly the boxes the server computed for the quote.
import { $, api, el, guarded, kbPath } from './core.js';

const ZOOMS = [50, 75, 100, 125, 150, 200, 300];
const view = { kb: null, doc: null, page: 1, pages: 1, quote: null, quotePage: null, boxes: [], zoom: 2 };

/** Opens the page a citation names, with its quote highlighted. */
export async function openCitation(kb, citation, quote) {
	const title = `Source ${citation.index}: ${citation.filename}, page ${citation.page}`;
	await open(kb, { id: citation.documentId, filename: citation.filename }, citation.page, quote,
		citation.boxes || [], title, citation.snippet);
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
		const found = await api(`${kbPath(kb)}/documents/${encodeURIComponent(doc.id)}`);
		view.doc = found;
		if (found.mediaType === 'application/pdf') {
			view.pages = found.pages || (found.progress && found.progress.pagesTotal) || page;
			$('viewer-tools').hidden = false;
			await showPage();
		} else {
			await showText(found, quote || snippet);
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
	const highlight = view.page !== view.quotePage ? ''
		: view.quote ? `?quote=${encodeURIComponent(view.quote)}`
			: view.chunkId ? `?highlight=${encodeURIComponent(view.chunkId)}` : '';
	const blob = await api(`${kbPath(view.kb)}/documents/${encodeURIComponent(view.doc.id)}/pages/${view.page}${highlight}`);
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
	const lines = view.boxes.filter((b) => b.page === view.page);
	if (view.page !== view.quotePage || !lines.length) {
		box.scrollTop = 0;
		return;
	}
	const image = $('preview-image');
	const top = Math.min(...lines.map((b) => b.y)) * image.clientHeight;
	const left = Math.min(...lines.map((b) => b.x)) * image.clientWidth;
	box.scrollTop = Math.max(0, top - box.clientHeight / 3);
	box.scrollLeft = Math.max(0, left - 20);
}

function applyZoom() {
	$('preview-image').style.width = `${ZOOMS[view.zoom]}%`;
	$('zoom-out').disabled = view.zoom === 0;
	$('zoom-in').disabled = view.zoom === ZOOMS.length - 1;
}

/**
 * Text files as they are; other types (DOCX, HTML, images read by OCR) as the passages
 * the index holds, each under its heading path. The quote, where it stands, is marked.
 */
async function showText(doc, quote) {
	const pre = $('preview-text');
	pre.replaceChildren();
	pre.hidden = false;
	let blocks;
	if ((doc.mediaType || '').startsWith('text/')) {
		const blob = await api(`${kbPath(view.kb)}/documents/${encodeURIComponent(doc.id)}/content`);
		blocks = [{ text: await blob.text() }];
	} else {
		const { chunks } = await api(`${kbPath(view.kb)}/documents/${encodeURIComponent(doc.id)}/chunks`);
		blocks = chunks.map((c) => ({ heading: c.headingPath, text: c.text }));
	}
	let marked = null;
	for (const block of blocks) {
		const section = el('section', { class: 'passage' });
		if (block.heading) section.append(el('h3', { text: block.heading }));
		const at = quote && !marked ? block.text.indexOf(quote) : -1;
		if (at < 0) {
			section.append(el('p', { text: block.text }));
		} else {
			marked = el('mark', { text: quote });
			section.append(el('p', {}, block.text.slice(0, at), marked, block.text.slice(at + quote.length)));
		}
		pre.append(section);
	}
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
