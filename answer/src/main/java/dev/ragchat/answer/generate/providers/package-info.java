/**
 * The model providers' wiring: the language models the generate stage writes with, built
 * from each provider's settings ({@code ragchat.chat.gemini}, {@code .openai},
 * {@code .ollama}, {@code .llama}): Spring AI's models for the Gemini API, Vertex Gemini,
 * OpenAI-compatible servers and Ollama
 * ({@link dev.ragchat.answer.generate.providers.ChatModels}), and llama.cpp in process
 * ({@link dev.ragchat.answer.generate.providers.LlamaCppChatModel}). It knows nothing of
 * answers: the generate stage wraps the models it builds.
 */
package dev.ragchat.answer.generate.providers;
