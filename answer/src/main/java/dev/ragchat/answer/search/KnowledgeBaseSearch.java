package dev.ragchat.answer.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.ragchat.answer.Found;
import dev.ragchat.answer.Search;
import dev.ragchat.answer.SearchRequest;
import dev.ragchat.answer.SearchScope;
import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.ChunkSearch;
import dev.ragchat.retrieval.MetadataFilter;
import dev.ragchat.retrieval.Retriever;
import dev.ragchat.retrieval.ScoredChunk;
import dev.ragchat.retrieval.SearchMode;
import dev.ragchat.retrieval.SearchTrace;
import dev.ragchat.retrieval.query.KeywordTerm;
import dev.ragchat.retrieval.query.QueryShaper;
import dev.ragchat.retrieval.query.ShapedQuery;
import dev.ragchat.retrieval.rerank.Reranking;

import org.springframework.util.Assert;

/**
 * The one search of a knowledge base (or of several), for every surface and stage:
 * <ol>
 * <li>shape: which words of the query matter, its names and periods
 * ({@link QueryShaper});</li>
 * <li>retrieve: vector, keyword or hybrid search ({@link Retriever}), a hybrid one as
 * deep as the reranker reads;</li>
 * <li>rerank: a reranker orders a hybrid search's candidates and the best {@code topK} go
 * on, or the retrieval order stands ({@link Reranking});</li>
 * <li>least score: chunks the reranker scores below its least score are left out
 * ({@code ragchat.rerank.min-score}).</li>
 * </ol>
 * Vector and keyword searches return chunks as the index ranks them (a reranker reorders
 * what hybrid search fuses, as {@code /search} documents). A search of several knowledge
 * bases ({@link SearchScope}) retrieves from each and fuses the rankings before it
 * reranks: still one search, with one shaped query and one reranking.
 */
public final class KnowledgeBaseSearch implements Search {

	/** The reciprocal rank constant of vector rankings of different models fused. */
	private static final int RANK_FUSION_K = 60;

	private final QueryShaper shaper;

	private final Retriever retriever;

	private final Reranking reranking;

	/**
	 * @param shaper shapes queries
	 * @param retriever searches the index
	 * @param reranking orders hybrid candidates ({@link Reranking#off()}: as retrieved)
	 */
	public KnowledgeBaseSearch(QueryShaper shaper, Retriever retriever, Reranking reranking) {
		Assert.notNull(shaper, "shaper must not be null");
		Assert.notNull(retriever, "retriever must not be null");
		Assert.notNull(reranking, "reranking must not be null (Reranking.off() keeps the retrieval order)");
		this.shaper = shaper;
		this.retriever = retriever;
		this.reranking = reranking;
	}

	/**
	 * @param text a question
	 * @return it shaped as a search shapes it (its weighted words, names and periods)
	 */
	public ShapedQuery shape(String text) {
		return this.shaper.shape(text);
	}

	@Override
	public Found search(SearchRequest request) {
		return search(request, SearchTrace.OFF);
	}

	/**
	 * @param request what to look for, where and how
	 * @param trace told the shaped query and each ranking as it is made
	 * ({@link SearchTrace#OFF}: nothing)
	 * @return the shaped query and the chunks found, best first
	 */
	public Found search(SearchRequest request, SearchTrace trace) {
		// 1. shape
		ShapedQuery shaped = this.shaper.shape(request.query());
		trace.shaped(shaped);
		if (request.mode() != SearchMode.HYBRID) {
			// 2. retrieve, as ranked
			List<ScoredChunk> chunks = retrieve(request, shaped, request.topK(), request.mode(), trace);
			return new Found(shaped, chunks, chunks.size());
		}
		// 2. retrieve as many candidates as the reranker reads
		List<ScoredChunk> candidates = retrieve(request, shaped,
				(request.rerank() ? this.reranking : Reranking.off()).depth(request.topK()), SearchMode.HYBRID, trace);
		// 3. and 4. rerank: the best topK as a reranker orders them, those that reach its
		// least score (or as retrieved)
		Reranking reranking = request.rerank() ? this.reranking : Reranking.off();
		return new Found(shaped, reranking.rerank(shaped.text(), candidates, request.topK(), trace), candidates.size());
	}

	/**
	 * The retrieval of a search: of its one knowledge base, or of each of several, fused.
	 * The index keeps each knowledge base's statistics apart (isolation is part of its
	 * query), so a search of several asks each for as many chunks as the search wants and
	 * fuses the rankings by their scores: a hybrid ranking's scores are its reciprocal
	 * ranks (weighted as the fusion weighs them), so ordering all candidates by score is
	 * reciprocal-rank fusion across the knowledge bases; vector scores are similarities
	 * of the same embedding model, comparable as they are (of different models, knowledge
	 * bases built with different ones, they are not: then each counts its reciprocal
	 * rank). Ties go to the better rank, then to the knowledge base named first. A
	 * reranker then orders the fused candidates as it orders one knowledge base's.
	 */
	private List<ScoredChunk> retrieve(SearchRequest request, ShapedQuery shaped, int depth, SearchMode mode,
			SearchTrace trace) {
		if (request.knowledgeBases().size() == 1) {
			return this.retriever.retrieve(new ChunkSearch(request.knowledgeBase(), shaped, depth, mode,
					request.documentIds(), request.filter()), trace);
		}
		// vector similarities of two models do not compare: across knowledge bases built
		// with different models, a vector ranking counts by its ranks alone
		boolean byRank = mode == SearchMode.VECTOR
				&& request.knowledgeBases().stream().map(this.retriever::embeddingModel).distinct().count() > 1;
		List<Ranked> all = new ArrayList<>();
		for (int kb = 0; kb < request.knowledgeBases().size(); kb++) {
			List<ScoredChunk> ranked = this.retriever.retrieve(new ChunkSearch(request.knowledgeBases().get(kb), shaped,
					depth, mode, request.documentIds(), request.filter()), trace);
			for (int rank = 0; rank < ranked.size(); rank++) {
				ScoredChunk chunk = byRank ? new ScoredChunk(ranked.get(rank).chunk(), 1.0 / (RANK_FUSION_K + rank + 1))
						: ranked.get(rank);
				all.add(new Ranked(chunk, rank, kb));
			}
		}
		return all.stream()
			.sorted(Comparator.comparingDouble((Ranked ranked) -> ranked.chunk().score())
				.reversed()
				.thenComparingInt(Ranked::rank)
				.thenComparingInt(Ranked::knowledgeBase))
			.limit(depth)
			.map(Ranked::chunk)
			.toList();
	}

	/**
	 * A scan of a scope for words: every chunk of each of its knowledge bases that writes
	 * any of them, by keyword, up to a depth per knowledge base (more than a search
	 * returns: the candidates of a question about the whole scope).
	 * @param scope the knowledge bases, documents and filter scanned
	 * @param words the words, as one text
	 * @param terms the words to look for, each weighing 1
	 * @param required how many of the terms a chunk writes at least (0: any)
	 * @param perDocument how many chunks of one document at most
	 * @param depth how many chunks of each knowledge base at most
	 * @return the chunks of each knowledge base, best first, one after the other, and
	 * whether the scan of one stopped at the depth
	 */
	public Scan scan(SearchRequest scope, String words, List<String> terms, int required, int perDocument, int depth) {
		List<KeywordTerm> keywords = terms.stream().map((term) -> new KeywordTerm(term, 1)).toList();
		List<ScoredChunk> all = new ArrayList<>();
		boolean truncated = false;
		// one more than the depth tells a scan that stopped from one that read them all
		int asked = Math.min(depth + 1, ChunkSearch.MAX_SCAN);
		for (String knowledgeBase : scope.knowledgeBases()) {
			List<ScoredChunk> found = this.retriever
				.retrieve(new ChunkSearch(knowledgeBase, words, keywords, asked, SearchMode.KEYWORD,
						scope.documentIds(), scope.filter(), Math.min(required, keywords.size()), perDocument));
			truncated |= found.size() > depth || found.size() >= ChunkSearch.MAX_SCAN;
			all.addAll((found.size() > depth) ? found.subList(0, depth) : found);
		}
		return new Scan(all, truncated);
	}

	/**
	 * @param scope knowledge bases, maybe some of their documents and a filter
	 * @return how many documents it holds
	 */
	public int documents(SearchRequest scope) {
		int documents = 0;
		for (String knowledgeBase : scope.knowledgeBases()) {
			documents += this.retriever.documents(new ChunkSearch(knowledgeBase, scope.query(), List.of(), 1,
					SearchMode.KEYWORD, scope.documentIds(), scope.filter()));
		}
		return documents;
	}

	/**
	 * A look-up of words as they are (no shaping, each weighing 1, no reranking): the
	 * chunks of a knowledge base, or of some of its documents, that write them. The
	 * ground step reads what documents say of a name with it.
	 * @param knowledgeBase the knowledge base
	 * @param words the words, as one text (what the vector side would embed)
	 * @param terms the words to look for
	 * @param documentIds only these documents, or empty for all
	 * @param topK how many chunks at most
	 * @return the chunks, best first
	 */
	public List<ScoredChunk> lookUp(String knowledgeBase, String words, List<String> terms, List<String> documentIds,
			int topK) {
		List<KeywordTerm> keywords = terms.stream().map((term) -> new KeywordTerm(term, 1)).toList();
		return this.retriever.retrieve(new ChunkSearch(knowledgeBase, words, keywords, topK, SearchMode.KEYWORD,
				documentIds, (MetadataFilter) null));
	}

	/**
	 * @param documentId a document
	 * @return how many searchable chunks it has
	 */
	public int count(String documentId) {
		return this.retriever.count(documentId);
	}

	/**
	 * @param documentId a document
	 * @param fromPage the first page
	 * @param toPage the last page
	 * @return its chunks that begin on one of these pages, in document order
	 */
	public List<Chunk> chunks(String documentId, int fromPage, int toPage) {
		return this.retriever.chunks(documentId, fromPage, toPage);
	}

	/**
	 * A chunk one knowledge base's ranking found.
	 *
	 * @param chunk the chunk and its score
	 * @param rank its place in that ranking (0 first)
	 * @param knowledgeBase the place of its knowledge base in the request
	 */
	private record Ranked(ScoredChunk chunk, int rank, int knowledgeBase) {

	}

	/**
	 * What a scan read.
	 *
	 * @param chunks the chunks of each knowledge base, best first, one after the other
	 * @param truncated whether the scan of a knowledge base stopped at the depth (more of
	 * its chunks may write the words)
	 */
	public record Scan(List<ScoredChunk> chunks, boolean truncated) {

		public Scan {
			chunks = List.copyOf(chunks);
		}

	}

}
