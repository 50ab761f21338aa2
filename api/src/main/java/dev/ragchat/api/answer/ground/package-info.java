/**
 * The ground step's rules, which the extract's judge applies: before an answer is
 * written, do the retrieved sources speak of what the question names (its names and
 * periods, read as people write them)? Aliases come from the documents themselves, never
 * from a list.
 * <p>
 * A named interface of the {@code api.answer} module, which other modules may use
 * ({@code ModularityTests}): chat reads the ground step's verdict ({@code Grounding}).
 */
@NamedInterface("ground")
package dev.ragchat.api.answer.ground;

import org.springframework.modulith.NamedInterface;
