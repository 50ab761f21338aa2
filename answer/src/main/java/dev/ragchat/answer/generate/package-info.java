/**
 * The generate stage: the generator writes the answer from the numbered sources, by the
 * extract (quoted sentences, no model) or with a language model (Gemini, Vertex Gemini,
 * OpenAI-compatible servers, Ollama, llama.cpp in process); which model it writes with
 * comes with each question (a {@code ChosenModel}'s generator in its settings), else the
 * configured one.
 * <p>
 * A named interface of the {@code answer} module, which other modules may use
 * ({@code ModularityTests}): the history ({@code Turn}), the answer settings, and the
 * models chosen ({@code ChosenModel}, built by {@code ChosenModels}) that the model
 * catalog keeps and chat and evaluations hand to the engine.
 */
@NamedInterface("generate")
package dev.ragchat.answer.generate;

import org.springframework.modulith.NamedInterface;
