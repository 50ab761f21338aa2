package dev.ragchat.answer.cite;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ragchat.answer.Citation;
import dev.ragchat.ingestion.DocumentPages;
import dev.ragchat.ingestion.reading.pdf.PdfPages;
import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.ScoredChunk;

/**
 * The cite step: the answer's markers, already renumbered, become citations of the
 * sources they name: one per source, in the order of the numbers, each with the sentence
 * of the source that the answer's sentence before its first marker rests on and, for
 * PDFs, where that quote stands on its page.
 */
public final class Citations {

	private final DocumentPages pages;

	/**
	 * @param pages where quotes are located on PDF pages, or {@code null}
	 */
	public Citations(DocumentPages pages) {
		this.pages = pages;
	}

	/**
	 * @param cited the answer and its sources
	 * @return the citations
	 */
	public List<Citation> of(Cited cited) {
		List<Citation> citations = new ArrayList<>();
		for (int number = 1; number <= cited.cited().size(); number++) {
			Matcher marker = Pattern.compile("\\[" + number + "]").matcher(cited.answer());
			if (!marker.find()) {
				continue;
			}
			ScoredChunk source = cited.sources().get(cited.cited().get(number - 1) - 1);
			Chunk chunk = source.chunk();
			String text = chunk.text();
			String quote = Quotes.best(Quotes.claim(cited.answer(), marker.start()), text);
			int page = chunk.page();
			List<PdfPages.Box> boxes = List.of();
			Optional<PdfPages.Located> located = (this.pages != null)
					? this.pages.locate(chunk.knowledgeBase(), chunk.documentId(), chunk.page(), chunk.pageEnd(), quote)
					: Optional.empty();
			if (located.isPresent()) {
				quote = located.get().quote();
				page = located.get().page();
				boxes = located.get().boxes();
			}
			citations
				.add(new Citation(number, chunk.documentId(), chunk.filename(), page, chunk.id(),
						(text.length() > Citation.SNIPPET_LENGTH) ? text.substring(0, Citation.SNIPPET_LENGTH) + "…"
								: text,
						source.score(), quote, boxes, Citation.webUrl(chunk.metadata()))
					.in(chunk.knowledgeBase()));
		}
		return citations;
	}

	/**
	 * What the cite step reads.
	 *
	 * @param answer the answer with renumbered markers
	 * @param sources the retrieved sources
	 * @param cited for each number in the answer (from 1), the source's number among the
	 * retrieved ones
	 */
	public record Cited(String answer, List<ScoredChunk> sources, List<Integer> cited) {

	}

}
