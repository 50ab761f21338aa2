// A citation of a web page links to the page itself: a source synced from a web site
// keeps the page's URL as its document's path (metadata.path), and the link scrolls the
// browser to the quoted sentence with a text fragment (#:~:text=start,end). Looked up
// once per document; documents from elsewhere (uploads, folders, buckets) get no link.
import { api, el, isConversations, kbPath } from './core.js';

const urls = new Map();

/**
 * @param doc a document as the API shows it
 * @returns the URL of the web page it was synced from, or null
 */
export function originalUrl(doc) {
	const path = doc && doc.metadata && typeof doc.metadata === 'object' ? doc.metadata.path : null;
	return typeof path === 'string' && /^https?:\/\//.test(path) && doc.metadata.source ? path : null;
}

/** The URL of a document's web page, or null (cached per knowledge base and document). */
function pageUrl(kb, documentId) {
	const key = `${kb}/${documentId}`;
	// a file dropped into a conversation was synced from nowhere
	if (isConversations(kb)) return Promise.resolve(null);
	if (!urls.has(key)) {
		urls.set(key, api(`${kbPath(kb)}/documents/${encodeURIComponent(documentId)}`)
			.then(originalUrl)
			.catch(() => null));
	}
	return urls.get(key);
}

// the text-fragment syntax's delimiters (- , &) are escaped too
const encode = (text) => encodeURIComponent(text).replace(/-/g, '%2D');

/** A text fragment that finds a quote: the whole of a short one, its first and last words otherwise. */
export function textFragment(quote) {
	const words = (quote || '').replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
	if (!words.length) return '';
	if (words.length <= 8) return `#:~:text=${encode(words.join(' '))}`;
	return `#:~:text=${encode(words.slice(0, 4).join(' '))},${encode(words.slice(-4).join(' '))}`;
}

/**
 * A chip with, once its document turns out to be a web page, a link to the page at the
 * quote beside it (opened in a new tab).
 */
export function withPageLink(chip, kb, citation, quote) {
	const link = el('a', { class: 'page-link', target: '_blank', rel: 'noopener noreferrer', hidden: true, text: '↗' });
	pageUrl(kb, citation.documentId).then((url) => {
		if (!url) return;
		link.href = url + textFragment(quote);
		link.setAttribute('aria-label', `Open source ${citation.index} on its web page, ${url}`);
		link.title = url;
		link.hidden = false;
	});
	return el('span', { class: 'cited' }, chip, link);
}
