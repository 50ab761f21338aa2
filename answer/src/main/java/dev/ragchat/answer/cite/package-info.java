/**
 * The cite stage: an answer's markers become citations (document, page, the quote
 * verified in the source, where it stands on the page).
 * <p>
 * A named interface of the {@code answer} module, which other modules may use
 * ({@code ModularityTests}): the engine's citations ({@code Citation}) travel in the
 * answers that chat, OpenAI, MCP, evaluation and analytics hand on.
 */
@NamedInterface("cite")
package dev.ragchat.answer.cite;

import org.springframework.modulith.NamedInterface;
