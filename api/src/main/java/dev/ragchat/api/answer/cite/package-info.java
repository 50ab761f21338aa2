/**
 * The cite stage: an answer's markers become citations (document, page, the quote
 * verified in the source, where it stands on the page).
 */
package dev.ragchat.api.answer.cite;
