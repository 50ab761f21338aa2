/**
 * The generate stage: the answer from the numbered sources, by the extract (quoted
 * sentences, no model) or a language model (Gemini, Vertex Gemini, OpenAI-compatible
 * servers, Ollama, llama.cpp in process), and the models' clients.
 * <p>
 * A named interface of the {@code answer} module, which other modules may use
 * ({@code ModularityTests}): the history ({@code Turn}), the answer settings and the
 * generators that models switches and chat and OpenAI call.
 */
@NamedInterface("generate")
package dev.ragchat.answer.generate;

import org.springframework.modulith.NamedInterface;
