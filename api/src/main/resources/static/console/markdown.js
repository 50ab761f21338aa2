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
