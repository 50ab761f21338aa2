/**
 * Personas (chat configurations): a knowledge base with a system prompt, a model and
 * settings that sessions start from, and the port of their store.
 * <p>
 * A named interface of the {@code api.chat} module, which other modules may use
 * ({@code ModularityTests}): personas ({@code ChatConfig} and its store) that models,
 * OpenAI and analytics read.
 */
@NamedInterface("persona")
package dev.ragchat.api.chat.persona;

import org.springframework.modulith.NamedInterface;
