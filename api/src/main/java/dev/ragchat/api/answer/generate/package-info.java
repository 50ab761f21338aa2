/**
 * The generate stage: the answer from the numbered sources, by the extract (quoted
 * sentences, no model) or a language model (Gemini, Vertex Gemini, OpenAI-compatible
 * servers, Ollama, llama.cpp in process), and the models' clients.
 */
package dev.ragchat.api.answer.generate;
