/**
 * The OpenAI-compatible chat API's models: one per knowledge base and per chat
 * configuration a key may use ({@code kb:<id>}, {@code config:<id>}), and where each
 * starts a session. Its HTTP edge is in {@code openai.web}.
 */
package dev.ragchat.api.openai;
