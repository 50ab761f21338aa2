/**
 * The language model chosen while the service runs (the console's model screen), for the
 * service, a chat config, or offered to people: local Ollama and OpenAI-compatible
 * servers found at their usual addresses and their models listed, a GGUF file checked,
 * the choice tried with one test call before it is kept, stored in the catalog (its API
 * key sealed with AES-GCM) and restored at start-up. The {@code ModelRegistry} keeps the
 * choices and resolves a session's into the generator its questions carry to the engine.
 */
package dev.ragchat.api.models;
