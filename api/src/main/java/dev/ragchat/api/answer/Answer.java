package dev.ragchat.api.answer;

import java.util.List;

import dev.ragchat.api.answer.cite.Citation;
import dev.ragchat.api.answer.judge.Refusal;

/**
 * The engine's answer.
 *
 * @param text the answer with its {@code [n]} markers, numbered in order of first use
 * @param grounded whether it rests on the documents: a verified citation backs it
 * @param citations what each marker cites, with its quote
 * @param tokens the tokens a language model spent on it, or {@code null}
 * @param refusal why the documents do not answer, or {@code null} when grounded
 */
public record Answer(String text, boolean grounded, List<Citation> citations, Long tokens, Refusal refusal) {

	public Answer {
		citations = List.copyOf(citations);
	}

}
