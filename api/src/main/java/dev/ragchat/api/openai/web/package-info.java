/**
 * The OpenAI-compatible chat API at {@code /v1}: {@code GET /v1/models} and
 * {@code POST /v1/chat/completions} (JSON or {@code chat.completion.chunk} events), the
 * citations in an extension field, refusals as OpenAI error bodies.
 */
package dev.ragchat.api.openai.web;
