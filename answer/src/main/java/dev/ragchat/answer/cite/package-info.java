/**
 * The cite stage: an answer's markers become citations (document, page, the quote
 * verified in the source, where it stands on the page). The citation itself
 * ({@code Citation}) is the engine's API, one package up.
 */
package dev.ragchat.answer.cite;
