/**
 * The search stage's expansion by the names the question writes (each name the found
 * chunks do not mention is looked up through the one search and joined in), the reading
 * of the joined set, and the names rule the extract's judge applies to it: do the sources
 * speak of what the question names (its names and periods, read as people write them)?
 * Aliases come from the documents themselves, never from a list. The rule itself, a
 * setting, is the engine's ({@code EngineSettings.NamesRule}).
 */
package dev.ragchat.answer.ground;
