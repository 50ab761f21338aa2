package dev.ragchat.answer.judge;

import java.util.List;

import dev.ragchat.answer.Refusal;
import dev.ragchat.answer.text.CitationMarkers;
import dev.ragchat.answer.text.Sentences;
import dev.ragchat.retrieval.embedding.QueryEmbedder;

import org.springframework.ai.embedding.EmbeddingModel;

/**
 * The judge before a language model: the model is only asked when some sentence of the
 * sources is near the question (the similarity the extract answers from), so that no
 * answer is invented from sources about something else. The model then judges the sources
 * itself; no rule about the question's names vetoes it. With images or audio the model
 * judges what the sources and the media answer.
 */
public final class SimilarityFloor implements Judge {

	/** How many sentences of the sources are read at most. */
	static final int MAX_SENTENCES = 200;

	private final EmbeddingModel embeddingModel;

	private final QueryEmbedder queryEmbedder;

	private final double minSimilarity;

	/**
	 * @param embeddingModel embeds the sources' sentences
	 * @param queryEmbedder embeds the question
	 * @param minSimilarity below it a sentence is not near the question
	 */
	public SimilarityFloor(EmbeddingModel embeddingModel, QueryEmbedder queryEmbedder, double minSimilarity) {
		this.embeddingModel = embeddingModel;
		this.queryEmbedder = queryEmbedder;
		this.minSimilarity = minSimilarity;
	}

	/** Its name in an answer's trace. */
	static final String NAME = "similarity-floor";

	@Override
	public Verdict judge(Judged judged) {
		if (judged.media()) {
			Verdict verdict = Verdict.answerable(judged.sources());
			judged.decisions().decided(NAME, verdict, "images or audio came with the question: the model judges");
			return verdict;
		}
		float[] query = this.queryEmbedder.embed(judged.query().text());
		List<String> sentences = judged.sources()
			.stream()
			.flatMap((source) -> Sentences.of(CitationMarkers.neutralise(source.chunk().text())).stream())
			.limit(MAX_SENTENCES)
			.toList();
		double best = sentences.isEmpty() ? 0
				: this.embeddingModel.embed(sentences)
					.stream()
					.mapToDouble((sentence) -> Sentences.similarity(query, sentence))
					.max()
					.orElse(0);
		if (best < this.minSimilarity) {
			Verdict verdict = Verdict.refused(judged.sources(), Refusal.BELOW_SIMILARITY,
					"no sentence of the sources is near the question (best %.3f, least %.3f)".formatted(best,
							this.minSimilarity));
			judged.decisions().decided(NAME, verdict, verdict.refusal().detail());
			return verdict;
		}
		Verdict verdict = Verdict.answerable(judged.sources());
		if (judged.decisions().on()) {
			judged.decisions()
				.decided(NAME, verdict, "a sentence of the sources is near the question (best %.3f, least %.3f);"
					.formatted(best, this.minSimilarity) + " the model judges the sources itself");
		}
		return verdict;
	}

}
