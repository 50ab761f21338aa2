/**
 * The language model chosen while the service runs (the console's model screen): local
 * Ollama and OpenAI-compatible servers found at their usual addresses and their models
 * listed, a GGUF file checked, the choice tried with one test call before it is kept,
 * stored in the catalog (its API key sealed with AES-GCM) and restored at start-up. The
 * engine's {@code SwitchableGenerator} makes it answer the next question.
 */
package dev.ragchat.api.models;
