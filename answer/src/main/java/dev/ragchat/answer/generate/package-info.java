/**
 * The generate stage: the generator writes the answer from the numbered sources, by the
 * extract (quoted sentences, no model) or with a language model (Gemini, Vertex Gemini,
 * OpenAI-compatible servers, Ollama, llama.cpp in process); which model it writes with
 * comes with each question (a {@code ChosenModel}'s generator in its settings), else the
 * configured one.
 * <p>
 * The {@code answer} module's one named interface ({@code ModularityTests}), because a
 * second module truly needs the generators themselves, not only the engine's API:
 * {@code api.models} builds a model chosen while the service runs ({@code ChosenModels}
 * makes its Spring AI client and its generator), tries it, keeps it ({@code ChosenModel})
 * and hands its generator to the engine in each question's settings; {@code api.chat}
 * binds the generators' settings ({@code AnswerSettings}) from {@code ragchat.chat.*}.
 */
@NamedInterface("generate")
package dev.ragchat.answer.generate;

import org.springframework.modulith.NamedInterface;
