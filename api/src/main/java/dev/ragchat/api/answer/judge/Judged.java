package dev.ragchat.api.answer.judge;

import java.util.List;

import dev.ragchat.api.answer.search.Found;
import dev.ragchat.retrieval.MetadataFilter;
import dev.ragchat.retrieval.ScoredChunk;
import dev.ragchat.retrieval.query.ShapedQuery;

/**
 * What a judge reads.
 *
 * @param knowledgeBase the knowledge base searched
 * @param found what the search found
 * @param sources the sources so far (a judge before may have widened or narrowed them)
 * @param filter the filter the sources passed, or {@code null}
 * @param media whether images or audio came with the question (the model reads them with
 * the sources, so the rules about the text do not apply)
 * @param modelJudges whether the generator that answers judges the sources itself (a
 * language model: only the similarity floor comes before it), else the ground step's
 * rules judge (the extract)
 * @param decisions told each judge's decision ({@link Judge.Decisions#OFF}: nothing)
 */
public record Judged(String knowledgeBase, Found found, List<ScoredChunk> sources, MetadataFilter filter, boolean media,
		boolean modelJudges, Judge.Decisions decisions) {

	public Judged {
		sources = List.copyOf(sources);
		decisions = (decisions != null) ? decisions : Judge.Decisions.OFF;
	}

	/**
	 * What a judge reads, its decision told to no one.
	 */
	public Judged(String knowledgeBase, Found found, List<ScoredChunk> sources, MetadataFilter filter, boolean media,
			boolean modelJudges) {
		this(knowledgeBase, found, sources, filter, media, modelJudges, Judge.Decisions.OFF);
	}

	/**
	 * @param found what the search found (its chunks are the sources)
	 * @param knowledgeBase the knowledge base searched
	 * @param filter the filter the sources passed, or {@code null}
	 * @param media whether images or audio came with the question
	 * @param modelJudges whether the generator that answers judges the sources itself
	 * @return what the first judge reads
	 */
	public static Judged of(String knowledgeBase, Found found, MetadataFilter filter, boolean media,
			boolean modelJudges) {
		return new Judged(knowledgeBase, found, found.chunks(), filter, media, modelJudges);
	}

	/**
	 * @param found what the search found (its chunks are the sources)
	 * @param knowledgeBase the knowledge base searched
	 * @param filter the filter the sources passed, or {@code null}
	 * @param media whether images or audio came with the question
	 * @param modelJudges whether the generator that answers judges the sources itself
	 * @param decisions told each judge's decision
	 * @return what the first judge reads
	 */
	public static Judged of(String knowledgeBase, Found found, MetadataFilter filter, boolean media,
			boolean modelJudges, Judge.Decisions decisions) {
		return new Judged(knowledgeBase, found, found.chunks(), filter, media, modelJudges, decisions);
	}

	/**
	 * @return the question as shaped
	 */
	public ShapedQuery query() {
		return this.found.query();
	}

	Judged with(List<ScoredChunk> sources) {
		return new Judged(this.knowledgeBase, this.found, sources, this.filter, this.media, this.modelJudges,
				this.decisions);
	}

}
