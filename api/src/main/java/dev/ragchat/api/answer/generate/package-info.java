/**
 * Answer generators (extractive, Gemini, Vertex Gemini), query rewriting and citation
 * markers.
 */
package dev.ragchat.api.answer.generate;
