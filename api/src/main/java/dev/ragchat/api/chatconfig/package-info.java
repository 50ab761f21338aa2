/**
 * Chat configs (the console's personas): a knowledge base with a system prompt, a model
 * and settings that sessions start from, and the port of their store.
 * <p>
 * A module of its own, not a part of {@code api.chat}, because several modules read chat
 * configs ({@code ChatConfig} and its store): api.chat starts sessions from them and
 * stores them, api.models, api.openai and api.analytics read them. It depends on no other
 * module.
 */
package dev.ragchat.api.chatconfig;
