package dev.ragchat.retrieval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.ai.document.Document;
import org.springframework.ai.rag.Query;
import org.springframework.ai.rag.retrieval.join.DocumentJoiner;
import org.springframework.util.Assert;

/**
 * Fuses ranked lists, by {@link Fusion.Method}: by weighted normalised scores, a document
 * scores {@code sum(weight_i * (score_i - min_i) / (max_i - min_i)) / k} over the lists
 * it appears in (the minimum and maximum of each list's scores; 1 when they are equal);
 * with a vector spread {@code s}, the vector ranking's minimum and maximum are its mean
 * less and plus {@code s} standard deviations instead; by weighted reciprocal rank,
 * {@code sum(weight_i / (k + rank_i))} (rank from 1). Spring AI ships only a
 * concatenating joiner, so this one is written here.
 * <p>
 * For documents that carry their {@code documentId} and {@code page} in their metadata
 * (page and document weights were measured and left off, and removed:
 * docs/decisions/0004-page-aware-hybrid.md, 0001-hybrid-fusion-scores.md). With a period
 * weight {@code p > 0}, a candidate marked as holding none of the question's periods
 * keeps {@code 1 - p} of its score, so that a question about FY2022 ranks the pages that
 * speak of 2022 first. With one per page, only the best chunk of each page is kept, so
 * that the top results are that many different pages.
 */
final class FusionJoiner implements DocumentJoiner {

	private final Fusion.Method method;

	private final int k;

	/** Metadata keys of the page a document is on. */
	static final String DOCUMENT_ID = "documentId";

	static final String PAGE = "page";

	private final List<Double> weights;

	private final boolean onePerPage;

	private final double periodWeight;

	private final double vectorSpread;

	FusionJoiner(int k, List<Double> weights) {
		this(Fusion.ranks(k, weights.get(0), weights.get(1), 1));
	}

	/**
	 * @param fusion its settings (checked by {@link Fusion}; the candidates are the
	 * retrievers' business)
	 */
	FusionJoiner(Fusion fusion) {
		this.method = fusion.method();
		this.k = fusion.k();
		this.weights = List.of(fusion.vectorWeight(), fusion.keywordWeight());
		this.onePerPage = fusion.onePerPage();
		this.periodWeight = fusion.periodWeight();
		this.vectorSpread = fusion.vectorSpread();
	}

	@Override
	public List<Document> join(Map<Query, List<List<Document>>> documentsForQuery) {
		Map<String, Document> documents = new LinkedHashMap<>();
		Map<String, Double> scores = new LinkedHashMap<>();
		for (List<List<Document>> lists : documentsForQuery.values()) {
			Assert.isTrue(lists.size() <= this.weights.size(), "one weight per retriever is needed");
			for (int list = 0; list < lists.size(); list++) {
				List<Document> ranked = lists.get(list);
				// the first list is the vector ranking (the weights' order)
				Scale scale = (list == 0 && this.vectorSpread > 0) ? Scale.spread(ranked, this.vectorSpread)
						: Scale.of(ranked);
				for (int rank = 0; rank < ranked.size(); rank++) {
					Document document = ranked.get(rank);
					documents.putIfAbsent(document.getId(), document);
					double weight = this.weights.get(list);
					double part = (this.method == Fusion.Method.SCORES) ? scale.apply(document) / this.k
							: 1.0 / (this.k + rank + 1);
					scores.merge(document.getId(), weight * part, Double::sum);
				}
			}
		}
		if (this.periodWeight > 0) {
			scores
				.replaceAll((id, score) -> Boolean.FALSE.equals(documents.get(id).getMetadata().get(ChunkIndex.PERIOD))
						? score * (1 - this.periodWeight) : score);
		}
		List<Document> fused = new ArrayList<>();
		Set<String> pages = new HashSet<>();
		scores.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
			.filter((entry) -> !this.onePerPage || pages.add(pageKey(documents.get(entry.getKey()), entry.getKey())))
			.forEach((entry) -> fused.add(documents.get(entry.getKey()).mutate().score(entry.getValue()).build()));
		return fused;
	}

	/** A document's page, or its own id when it does not say its page. */
	private static String pageKey(Document document, String id) {
		Object documentId = document.getMetadata().get(DOCUMENT_ID);
		Object page = document.getMetadata().get(PAGE);
		return (documentId != null && page != null) ? documentId + "\u0000" + page : "\u0001" + id;
	}

	/**
	 * The scores of a ranking that scale to 0 and to 1: its minimum and maximum, or its
	 * mean less and plus a number of standard deviations (the distribution-based score
	 * fusion Qdrant documents: a flat ranking's best is not stretched to the top, and one
	 * that stands out scores above 1).
	 */
	private record Scale(double min, double max) {

		static Scale spread(List<Document> ranked, double deviations) {
			double sum = 0;
			double squares = 0;
			for (Document document : ranked) {
				sum += score(document);
				squares += score(document) * score(document);
			}
			double mean = sum / ranked.size();
			double deviation = Math.sqrt(Math.max(0, squares / ranked.size() - mean * mean));
			return (deviation > 0) ? new Scale(mean - deviations * deviation, mean + deviations * deviation)
					: of(ranked);
		}

		static Scale of(List<Document> ranked) {
			double min = Double.POSITIVE_INFINITY;
			double max = Double.NEGATIVE_INFINITY;
			for (Document document : ranked) {
				double score = score(document);
				min = Math.min(min, score);
				max = Math.max(max, score);
			}
			return new Scale(min, max);
		}

		double apply(Document document) {
			// held at 0 from below: a candidate is never worth less than a missing one
			return (this.max > this.min) ? Math.max(0, (score(document) - this.min) / (this.max - this.min)) : 1.0;
		}

		private static double score(Document document) {
			return (document.getScore() != null) ? document.getScore() : 0;
		}

	}

}
