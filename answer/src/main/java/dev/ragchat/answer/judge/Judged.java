package dev.ragchat.answer.judge;

import java.util.List;

import dev.ragchat.answer.Found;
import dev.ragchat.answer.Turn;
import dev.ragchat.answer.ground.Grounds;
import dev.ragchat.retrieval.ScoredChunk;
import dev.ragchat.retrieval.query.ShapedQuery;

/**
 * What a judge reads: all it decides on, read before judging (a judge reads no index).
 *
 * @param found what the search found, and what its expansion joined
 * @param sources the sources so far: the search's own chunks, as a judge before let them
 * through
 * @param grounds what the found set says of the question's names, read by the search
 * stage for the extract's judge ({@link Grounds#unread}: nothing read)
 * @param media whether images or audio came with the question (the model reads them with
 * the sources, so the rules about the text do not apply)
 * @param modelJudges whether the generator that answers judges the sources itself (a
 * language model: only the similarity floor comes before it), else the ground step's
 * rules judge (the extract)
 * @param decisions told each judge's decision ({@link Judge.Decisions#OFF}: nothing)
 * @param open whether nothing in the question or its conversation names what it is about
 * (the judges may ask back which of the documents found it means)
 * @param focus the documents the conversation is about (none when it names none)
 * @param first whether the question is its conversation's first message (a word that
 * points back then points at nothing said before)
 * @param message the message as asked (a follow-up's own words, without the subject it
 * was searched with)
 * @param named the things the answer before named in its text, when the message follows
 * up on them (none when it names its own subject)
 * @param answered the answer before, as its conversation keeps it ({@code null}: none)
 * @param askedBefore the message the answer before answered ({@code null}: none)
 * @param unwritten what the message asks about that no document of the scope writes
 * (empty: nothing)
 */
public record Judged(Found found, List<ScoredChunk> sources, Grounds grounds, boolean media, boolean modelJudges,
		Judge.Decisions decisions, boolean open, List<String> focus, boolean first, String message, List<Named> named,
		String answered, String askedBefore, List<String> unwritten) {

	public Judged {
		sources = List.copyOf(sources);
		focus = (focus != null) ? List.copyOf(focus) : List.of();
		named = (named != null) ? List.copyOf(named) : List.of();
		unwritten = (unwritten != null) ? List.copyOf(unwritten) : List.of();
		grounds = (grounds != null) ? grounds : Grounds.unread(found.all());
		decisions = (decisions != null) ? decisions : Judge.Decisions.OFF;
	}

	/**
	 * @param found what the search found (its chunks are the sources)
	 * @param grounds what the found set says of the question's names, or {@code null}
	 * when nothing was read (a language model judges)
	 * @param media whether images or audio came with the question
	 * @param modelJudges whether the generator that answers judges the sources itself
	 * @param decisions told each judge's decision
	 * @return what the first judge reads
	 */
	public static Judged of(Found found, Grounds grounds, boolean media, boolean modelJudges,
			Judge.Decisions decisions) {
		return new Judged(found, found.chunks(), grounds, media, modelJudges, decisions, false, List.of(), false,
				found.query().text(), List.of(), null, null, List.of());
	}

	/**
	 * @param open whether nothing in the question or its conversation names what it is
	 * about
	 * @param focus the documents the conversation is about
	 * @param unwritten what the message asks about that no document writes
	 * @return the same, so marked
	 */
	public Judged open(boolean open, List<String> focus, List<String> unwritten) {
		return new Judged(this.found, this.sources, this.grounds, this.media, this.modelJudges, this.decisions, open,
				focus, this.first, this.message, this.named, this.answered, this.askedBefore, unwritten);
	}

	/**
	 * @param message the message as asked (a follow-up's own words, without the subject
	 * it was searched with)
	 * @param first whether it is its conversation's first message
	 * @return the same, so marked
	 */
	public Judged asked(String message, boolean first) {
		return new Judged(this.found, this.sources, this.grounds, this.media, this.modelJudges, this.decisions,
				this.open, this.focus, first, message, this.named, this.answered, this.askedBefore, this.unwritten);
	}

	/**
	 * @return the question as shaped
	 */
	public ShapedQuery query() {
		return this.found.query();
	}

	Judged with(List<ScoredChunk> sources) {
		return new Judged(this.found, sources, this.grounds, this.media, this.modelJudges, this.decisions, this.open,
				this.focus, this.first, this.message, this.named, this.answered, this.askedBefore, this.unwritten);
	}

	/**
	 * @param named the things the answer before named in its text, when the message
	 * follows up on them
	 * @param history the turns before the message
	 * @return the same, so marked
	 */
	public Judged named(List<Named> named, List<Turn> history) {
		String answered = (history.isEmpty() || history.getLast().byUser()) ? null : history.getLast().content();
		String askedBefore = (answered != null && history.size() > 1 && history.get(history.size() - 2).byUser())
				? history.get(history.size() - 2).content() : null;
		return new Judged(this.found, this.sources, this.grounds, this.media, this.modelJudges, this.decisions,
				this.open, this.focus, this.first, this.message, named, answered, askedBefore, this.unwritten);
	}

	/**
	 * A thing an answer named, with its documents.
	 *
	 * @param label how the answer named it (a document's title or part of it), or the
	 * title of the document it described
	 * @param documentIds its documents
	 * @param described whether the answer described it beside others without naming it
	 * ("one about a fixed deal, and one about a variable rate"): they are a choice
	 * @param said the passages of its own documents nearest the message, searched for it
	 * alone: what it says of what is asked, found or not among the sources
	 */
	public record Named(String label, List<String> documentIds, boolean described, List<ScoredChunk> said) {

		public Named {
			documentIds = List.copyOf(documentIds);
			said = List.copyOf(said);
		}

		/**
		 * A thing named, with nothing searched of its own documents.
		 */
		public Named(String label, List<String> documentIds, boolean described) {
			this(label, documentIds, described, List.of());
		}

	}

}
