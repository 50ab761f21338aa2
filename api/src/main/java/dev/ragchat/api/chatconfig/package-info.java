/**
 * Chat configs (the console's personas): a knowledge base with a system prompt, a model
 * and settings that sessions start from, the port of their store, and its adapters on the
 * catalog ({@code store}).
 * <p>
 * A module of its own, not a part of {@code api.chat}, because several modules read chat
 * configs ({@code ChatConfig} and its store): api.chat starts sessions from them and
 * stores them, api.models, api.openai and api.analytics read them. It depends on no other
 * module but the catalog its store is kept in ({@code ingestion.catalog}).
 */
package dev.ragchat.api.chatconfig;
