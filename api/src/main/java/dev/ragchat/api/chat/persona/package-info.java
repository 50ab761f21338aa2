/**
 * Personas (chat configurations): a knowledge base with a system prompt, a model and
 * settings that sessions start from, and the port of their store.
 */
package dev.ragchat.api.chat.persona;
