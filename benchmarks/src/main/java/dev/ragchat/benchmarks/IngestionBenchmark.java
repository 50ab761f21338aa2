package dev.ragchat.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingStoreIngestor;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import dev.ragchat.ingestion.Document;
import dev.ragchat.ingestion.DocumentStatus;
import dev.ragchat.ingestion.Documents;
import dev.ragchat.ingestion.KnowledgeBase;
import dev.ragchat.ingestion.KnowledgeBases;
import dev.ragchat.retrieval.ChunkIndex;
import dev.ragchat.retrieval.embedding.TokenCounter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Ingestion throughput next to the embedding model's raw throughput, in one run, on the
 * same texts: SciFact abstracts laid out one per PDF page, 20 pages per PDF, go through
 * the real pipeline (blob store, catalog, PDFBox, chunker, model, Lucene) until READY;
 * then the model alone embeds exactly the chunks the pipeline made, in batches of 32;
 * then LangChain4j ingests the same texts (one document per PDF, its pages' texts joined)
 * with its {@code EmbeddingStoreIngestor}: its recursive splitter at the same chunk size
 * and overlap (400 and 60 tokens), its own in-process bge-small-en-v1.5 int8 model (the
 * same ONNX file) and its {@code InMemoryEmbeddingStore}.
 */
final class IngestionBenchmark {

	private static final int PAGES_PER_PDF = 20;

	private final ConfigurableApplicationContext context;

	private final Path corpus;

	private final int pages;

	IngestionBenchmark(ConfigurableApplicationContext context, Path corpus, int pages) {
		this.context = context;
		this.corpus = corpus;
		this.pages = pages;
	}

	void run() throws Exception {
		List<String> texts = SciFact.corpus(this.corpus)
			.stream()
			.limit(this.pages)
			.map((p) -> p.full().replaceAll("[^\\x20-\\x7E]", " "))
			.toList();
		EmbeddingModel model = this.context.getBean(EmbeddingModel.class);
		ChunkIndex index = this.context.getBean(ChunkIndex.class);
		TokenCounter tokens = this.context.getBean(TokenCounter.class);
		model.embed(texts.subList(0, 32));

		Path dir = Files.createTempDirectory("ragchat-pdfs");
		List<Documents.Upload> uploads = new ArrayList<>();
		for (int i = 0; i < texts.size(); i += PAGES_PER_PDF) {
			Path pdf = dir.resolve("scifact-" + i + ".pdf");
			writePdf(pdf, texts.subList(i, Math.min(i + PAGES_PER_PDF, texts.size())));
			uploads.add(new Documents.Upload(pdf.getFileName().toString(), pdf));
		}
		KnowledgeBase kb = this.context.getBean(KnowledgeBases.class).create("benchmark", null);
		Documents documents = this.context.getBean(Documents.class);
		long start = System.nanoTime();
		documents.submit(kb.id(), uploads, null, null);
		List<Document> done;
		do {
			Thread.sleep(100);
			done = documents.list(kb.id());
		}
		while (!done.stream().allMatch((d) -> d.status().isFinal()));
		double ingestSeconds = (System.nanoTime() - start) / 1e9;
		long failed = done.stream().filter((d) -> d.status() == DocumentStatus.FAILED).count();
		int pagesDone = done.stream().mapToInt((d) -> d.progress().pagesTotal()).sum();

		// raw: the model alone, on exactly the texts the pipeline embedded, in batches of
		// 32
		List<String> chunkTexts = done.stream()
			.flatMap((d) -> index.chunks(d.id()).stream())
			.map((c) -> c.headingPath().isEmpty() ? c.text() : c.headingPath() + "\n" + c.text())
			.toList();
		int chunks = chunkTexts.size();
		long totalTokens = chunkTexts.stream().mapToLong((t) -> tokens.count(t) - 2).sum();
		start = System.nanoTime();
		for (int i = 0; i < chunkTexts.size(); i += 32) {
			model.embed(chunkTexts.subList(i, Math.min(i + 32, chunkTexts.size())));
		}
		double rawSeconds = (System.nanoTime() - start) / 1e9;

		double rawTextsPerSecond = chunks / rawSeconds;
		double rawTokensPerSecond = totalTokens / rawSeconds;
		double ingestTokensPerSecond = totalTokens / ingestSeconds;
		System.out.printf("%n## Ingestion benchmark%n%n");
		System.out.printf(
				"%d SciFact abstracts as %d PDFs of up to %d pages, %d chunks of %d tokens in all;"
						+ " %d workers; %d cores%n%n",
				texts.size(), uploads.size(), PAGES_PER_PDF, chunks, totalTokens,
				Integer.parseInt(this.context.getEnvironment().getProperty("ragchat.ingestion.workers", "1")),
				Runtime.getRuntime().availableProcessors());
		System.out.printf("| measure | seconds | pages/s | chunks/s | tokens/s |%n");
		System.out.printf("|---|---|---|---|---|%n");
		System.out.printf("| raw embedding of the same chunks (batches of 32) | %.1f | | %.1f | %.0f |%n", rawSeconds,
				rawTextsPerSecond, rawTokensPerSecond);
		System.out.printf("| ingestion, upload to READY | %.1f | %.1f | %.1f | %.0f |%n", ingestSeconds,
				pagesDone / ingestSeconds, chunks / ingestSeconds, ingestTokensPerSecond);
		double[] peer = langChain4j(texts, tokens);
		System.out.printf("| LangChain4j EmbeddingStoreIngestor, text to store | %.1f | %.1f | %.1f | %.0f |%n",
				peer[0], texts.size() / peer[0], peer[1] / peer[0], peer[2] / peer[0]);
		System.out.printf("%ningestion / raw: %.0f %% (tokens per second); %d failed documents%n",
				100 * ingestTokensPerSecond / rawTokensPerSecond, failed);
		System.out.printf("ragchat / LangChain4j: %.2fx (tokens per second); LangChain4j made %.0f chunks%n",
				ingestTokensPerSecond / (peer[2] / peer[0]), peer[1]);
		System.out.printf("load %s%n", Machine.load());
	}

	/**
	 * @return seconds, chunks and tokens (counted as ragchat counts them)
	 */
	private static double[] langChain4j(List<String> texts, TokenCounter tokens) {
		List<dev.langchain4j.data.document.Document> documents = new ArrayList<>();
		for (int i = 0; i < texts.size(); i += PAGES_PER_PDF) {
			documents.add(dev.langchain4j.data.document.Document
				.from(String.join("\n\n", texts.subList(i, Math.min(i + PAGES_PER_PDF, texts.size())))));
		}
		BgeSmallEnV15QuantizedEmbeddingModel model = new BgeSmallEnV15QuantizedEmbeddingModel();
		model.embed("warm-up");
		InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
		List<TextSegment> segments = new ArrayList<>();
		EmbeddingStoreIngestor ingestor = EmbeddingStoreIngestor.builder()
			.documentSplitter(DocumentSplitters.recursive(400, 60, new HuggingFaceTokenCountEstimator()))
			.textSegmentTransformer((segment) -> {
				segments.add(segment);
				return segment;
			})
			.embeddingModel(model)
			.embeddingStore(store)
			.build();
		long start = System.nanoTime();
		ingestor.ingest(documents);
		double seconds = (System.nanoTime() - start) / 1e9;
		long totalTokens = segments.stream().mapToLong((s) -> tokens.count(s.text()) - 2).sum();
		return new double[] { seconds, store.size(), totalTokens };
	}

	private static void writePdf(Path file, List<String> pages) throws Exception {
		PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
		try (PDDocument pdf = new PDDocument()) {
			for (String text : pages) {
				PDPage page = new PDPage();
				pdf.addPage(page);
				try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
					content.beginText();
					content.setFont(font, 7);
					content.newLineAtOffset(36, 750);
					for (String line : wrap(text, 150)) {
						content.showText(line);
						content.newLineAtOffset(0, -9);
					}
					content.endText();
				}
			}
			pdf.save(file.toFile());
		}
	}

	private static List<String> wrap(String text, int width) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : text.split("\\s+")) {
			if (line.length() + word.length() + 1 > width) {
				lines.add(line.toString());
				line.setLength(0);
			}
			line.append(line.isEmpty() ? "" : " ").append(word);
		}
		if (!line.isEmpty()) {
			lines.add(line.toString());
		}
		return lines;
	}

}
