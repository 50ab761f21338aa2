// Answers as Markdown: marked turns the text into HTML, DOMPurify keeps only safe markup
// and hands back nodes (never a string put into innerHTML); then citation markers [n]
// in the text become chips. Both libraries are served by the application (WebJars).
import { marked } from '/webjars/marked/lib/marked.esm.js';
import DOMPurify from '/webjars/dompurify/dist/purify.es.mjs';

marked.use({ gfm: true, breaks: false });

const BLOCKS = 'p, li, td, th, blockquote, h1, h2, h3, h4, h5, h6, pre';

/**
 * @param text an answer in Markdown
 * @returns a fragment of sanitised nodes
 */
export function markdown(text) {
	const html = marked.parse(text, { async: false });
	return DOMPurify.sanitize(html, { RETURN_DOM_FRAGMENT: true, FORBID_TAGS: ['style', 'form', 'input', 'img'] });
}

/**
 * Replaces each [n] in the fragment's text with what chip(n, sentence) makes, where
 * sentence is the sentence the marker closes (the text of its block before the marker,
 * after the previous marker or sentence end).
 */
export function placeChips(fragment, chip) {
	const walker = document.createTreeWalker(fragment, NodeFilter.SHOW_TEXT);
	const texts = [];
	while (walker.nextNode()) {
		if (!walker.currentNode.parentElement || !walker.currentNode.parentElement.closest('code')) texts.push(walker.currentNode);
	}
	for (const node of texts) {
		const value = node.nodeValue;
		const markers = [...value.matchAll(/\[(\d+)]/g)];
		if (!markers.length) continue;
		const parts = [];
		let last = 0;
		for (const match of markers) {
			parts.push(document.createTextNode(value.slice(last, match.index)));
			const before = blockTextBefore(node, match.index);
			parts.push(chip(Number(match[1]), lastSentence(before), match[0]));
			last = match.index + match[0].length;
		}
		parts.push(document.createTextNode(value.slice(last)));
		node.replaceWith(...parts);
	}
	return fragment;
}

/** What a document shown in the viewer may not hold: anything that loads, runs or submits. */
const DOCUMENT_CONFIG = {
	RETURN_DOM_FRAGMENT: true,
	FORBID_TAGS: ['style', 'link', 'meta', 'base', 'form', 'input', 'button', 'select', 'textarea', 'img', 'picture',
		'source', 'video', 'audio', 'track', 'iframe', 'frame', 'object', 'embed', 'svg', 'math', 'template'],
	FORBID_ATTR: ['style', 'srcset', 'poster', 'background', 'action', 'formaction', 'ping'],
};

/**
 * A Markdown or HTML document rendered for reading: marked for Markdown, then DOMPurify,
 * which removes scripts and event handlers; beyond that nothing that loads anything
 * (images, frames, media, style sheets) is kept, so that the CSP is never even tested,
 * and links open in a new tab without a referrer. A link never leads into this service:
 * a relative one (href="/login", "page.html", "#part") is read against the address the
 * document came from (a synced web page's URL), or, without one, kept as text with the
 * address it named in its title; an absolute one to this service's origin likewise.
 * @param text the document's source
 * @param mediaType text/markdown (or text/x-web-markdown) or text/html
 * @param original the http(s) address the document was read from, or null
 * @returns a fragment of sanitised nodes
 */
export function renderSource(text, mediaType, original = null) {
	const html = mediaType.includes('markdown') ? marked.parse(text, { async: false }) : text;
	const fragment = DOMPurify.sanitize(html, DOCUMENT_CONFIG);
	for (const link of fragment.querySelectorAll('a[href], area[href]')) {
		const href = link.getAttribute('href');
		const target = linkTarget(href, original);
		if (target) {
			link.setAttribute('href', target);
			link.setAttribute('target', '_blank');
			link.setAttribute('rel', 'noopener noreferrer');
		} else {
			link.removeAttribute('href');
			link.removeAttribute('target');
			link.classList.add('inert-link');
			link.setAttribute('title', `A link of the original document: ${href}`);
		}
	}
	return fragment;
}

/**
 * Where a document's link may lead: an absolute address elsewhere (another site, mailto:
 * and the like DOMPurify lets through) as it is; a relative one read against the
 * document's own address; null for one that would lead into this service.
 */
function linkTarget(href, original) {
	const absolute = /^[a-z][a-z0-9+.-]*:/i.test(href);
	let url;
	try {
		url = absolute ? new URL(href) : original ? new URL(href, original) : null;
	} catch {
		return null;
	}
	if (!url) return null;
	if (/^https?:$/.test(url.protocol) && url.origin === location.origin) return null;
	return url.href;
}

/**
 * Marks a passage in rendered text, matched on letters and digits only (case-blind), so
 * that hard-wrapped source, collapsed blanks, markup between words and punctuation do not
 * stop it: written by hand because it must run over the text nodes of rendered HTML,
 * which no library here does. The marks keep the punctuation that clings to the first
 * and last words.
 * @param root the element holding the text
 * @param passage the passage
 * @returns the first mark, or null when the passage is not there
 */
export function markPassage(root, passage) {
	const wanted = letters(passage || '');
	if (wanted.length < 2) return null;
	const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
	const nodes = [];
	let key = '';
	const at = [];
	while (walker.nextNode()) {
		const node = walker.currentNode;
		const index = nodes.push(node) - 1;
		const value = node.nodeValue;
		for (let i = 0; i < value.length; i++) {
			const folded = letters(value[i]);
			for (const c of folded) {
				key += c;
				at.push([index, i]);
			}
		}
	}
	const start = key.indexOf(wanted);
	if (start < 0) return null;
	let [firstNode, firstOffset] = at[start];
	let [lastNode, lastOffset] = at[start + wanted.length - 1];
	const text = (n) => nodes[n].nodeValue;
	while (firstOffset > 0 && !/\s/.test(text(firstNode)[firstOffset - 1])) firstOffset--;
	while (lastOffset + 1 < text(lastNode).length && !/\s/.test(text(lastNode)[lastOffset + 1])) lastOffset++;
	let first = null;
	// from the last node back, so that splitting a node leaves the earlier offsets valid
	for (let n = lastNode; n >= firstNode; n--) {
		const from = n === firstNode ? firstOffset : 0;
		const to = n === lastNode ? lastOffset + 1 : text(n).length;
		if (to <= from || !text(n).slice(from, to).trim()) continue;
		const range = document.createRange();
		range.setStart(nodes[n], from);
		range.setEnd(nodes[n], to);
		const mark = document.createElement('mark');
		range.surroundContents(mark);
		first = mark;
	}
	return first;
}

function letters(text) {
	return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

function blockTextBefore(node, offset) {
	const block = node.parentElement ? node.parentElement.closest(BLOCKS) : null;
	let text = '';
	if (block) {
		const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
		while (walker.nextNode() && walker.currentNode !== node) text += walker.currentNode.nodeValue;
	}
	return text + node.nodeValue.slice(0, offset);
}

function lastSentence(text) {
	const cleaned = text.replace(/^Extract from the documents:\s*/, '');
	const pieces = cleaned.split(/\[\d+]/);
	const tail = pieces[pieces.length - 1].trim();
	const sentences = tail.split(/(?<=[.!?])\s+(?=[A-Z0-9"“(])/);
	return sentences[sentences.length - 1].trim();
}
