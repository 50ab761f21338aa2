package dev.ragchat.answer.ground;

import java.util.List;

import dev.ragchat.retrieval.ScoredChunk;

/**
 * What the found set says of the question's names, read by the search stage
 * ({@link Grounding#read}) for the extract's judge, which decides on it and reads the
 * index no more.
 *
 * @param sources the found set: the search's chunks, then those its expansion joined (the
 * sources a refusal reports)
 * @param unsupported the names and periods the found set does not speak of, of the names
 * the rule reads (the names it asks for; by the rules that ask for every one, up to the
 * first that cannot be looked up)
 * @param about the sources about what the question names, in their order (all of them
 * when it names no document or none is about every name): what an answer may quote
 * @param checked whether the names were checked ({@code ragchat.chat.question-terms}, and
 * no images or audio came with the question)
 */
public record Grounds(List<ScoredChunk> sources, List<String> unsupported, List<ScoredChunk> about, boolean checked) {

	public Grounds {
		sources = List.copyOf(sources);
		unsupported = List.copyOf(unsupported);
		about = List.copyOf(about);
	}

	/**
	 * @param sources the sources
	 * @return the grounds of sources nothing was read of: nothing unsupported, all about
	 * what was asked
	 */
	public static Grounds unread(List<ScoredChunk> sources) {
		return new Grounds(sources, List.of(), sources, false);
	}

}
