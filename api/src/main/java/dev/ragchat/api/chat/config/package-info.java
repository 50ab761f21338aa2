/**
 * Chat configs (the console's personas): a knowledge base with a system prompt, a model
 * and settings that sessions start from, and the port of their store.
 * <p>
 * A named interface of the {@code api.chat} module, which other modules may use
 * ({@code ModularityTests}): chat configs ({@code ChatConfig} and its store) that models,
 * OpenAI and analytics read.
 */
@NamedInterface("config")
package dev.ragchat.api.chat.config;

import org.springframework.modulith.NamedInterface;
