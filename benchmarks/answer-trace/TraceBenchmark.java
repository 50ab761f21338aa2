// The answer engine's latency with its trace off and on: the whole path (rewrite, shape,
// hybrid retrieve, fuse, judge, the extract, cite) over an in-process Lucene index with
// the word-hash embedding model of the tests (no model server), as AnswerEngineTests
// builds it. Off and on alternate in blocks, so drift and load fall on both alike.
// Run by run.sh (which builds the classpath); also runs against a build of the engine
// from before the trace existed (then only "off" is measured).
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.ragchat.answer.Answer;
import dev.ragchat.answer.AnswerEngine;
import dev.ragchat.answer.AnswerRequest;
import dev.ragchat.answer.EngineSettings.NamesRule;
import dev.ragchat.answer.cite.Citations;
import dev.ragchat.answer.engine.StagedAnswerEngine;
import dev.ragchat.answer.generate.ExtractiveGenerator;
import dev.ragchat.answer.ground.Grounding;
import dev.ragchat.answer.judge.Judge;
import dev.ragchat.answer.judge.RulesJudge;
import dev.ragchat.answer.judge.SourcesJudge;
import dev.ragchat.answer.query.ConversationReader;
import dev.ragchat.answer.search.KnowledgeBaseSearch;
import dev.ragchat.answer.widen.Focus;
import dev.ragchat.retrieval.Chunk;
import dev.ragchat.retrieval.Fusion;
import dev.ragchat.retrieval.Retriever;
import dev.ragchat.retrieval.WordHashEmbeddingModel;
import dev.ragchat.retrieval.lucene.LuceneChunkIndex;
import dev.ragchat.retrieval.lucene.LuceneIndexSettings;
import dev.ragchat.retrieval.query.QueryShaper;
import dev.ragchat.retrieval.rerank.Reranking;

public class TraceBenchmark {

	static final String KB = "kb";

	static final String[] PLACES = { "Kestrel Point", "Harbour Street", "Gull Island", "Mill Lane", "Old Quay",
			"North Pier", "Fen Bridge", "Castle Hill" };

	static final String[] THINGS = { "lighthouse", "customs house", "ferry", "market", "school", "bridge", "museum",
			"chapel", "mooring", "dock" };

	static final String[] EVENTS = { "was automated", "was rebuilt", "opened", "closed", "was extended", "was sold",
			"was repainted", "flooded" };

	public static void main(String[] args) throws Exception {
		int chunks = Integer.parseInt(arg(args, "chunks", "2000"));
		int repetitions = Integer.parseInt(arg(args, "repetitions", "3000"));
		int warmup = Integer.parseInt(arg(args, "warmup", "1000"));
		Path dir = Files.createTempDirectory("ragchat-trace-bench");
		WordHashEmbeddingModel embeddings = new WordHashEmbeddingModel();
		try (LuceneChunkIndex index = new LuceneChunkIndex(dir, embeddings.asIndexEmbedding(), 16,
				LuceneIndexSettings.DEFAULTS)) {
			Random random = new Random(42);
			for (int d = 0; d < chunks / 20; d++) {
				List<Chunk> written = new ArrayList<>();
				for (int c = 0; c < 20; c++) {
					written.add(new Chunk("doc" + d + ":" + c, KB, "doc" + d, "town-" + d + ".pdf", 1 + c / 4,
							1 + c / 4, "", c, sentence(random) + " " + sentence(random) + " " + sentence(random),
							Map.of(), "doc" + d));
				}
				index.replace("doc" + d, written, (n) -> {
				});
			}
			// the production fusion's defaults (RetrievalProperties), no reranker
			Fusion fusion = new Fusion(Fusion.Method.SCORES, 60, 1, 1, 100, true, 0.5, 2);
			KnowledgeBaseSearch search = new KnowledgeBaseSearch(new QueryShaper(), new Retriever(index, fusion),
					Reranking.off());
			Judge judge = new SourcesJudge().then(new RulesJudge(NamesRule.PROPER));
			AnswerEngine engine = new StagedAnswerEngine(new StagedAnswerEngine.Stages(new ConversationReader(search), search,
					new Grounding(search, true, NamesRule.PROPER, 2), judge,
					List.of(new Focus(search)), new ExtractiveGenerator(embeddings, embeddings::embed, 0.3, 3),
					new Citations(null)));
			// --trace=off measures the path untraced only, the loop a build without the trace runs
			Method traced = arg(args, "trace", "both").equals("off") ? null : traced();
			List<String> questions = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				questions.add("When " + EVENTS[random.nextInt(EVENTS.length)].replace("was ", "was the "
						+ THINGS[random.nextInt(THINGS.length)] + " on " + PLACES[random.nextInt(PLACES.length)] + " ")
						+ "?");
			}
			int grounded = 0;
			for (int i = 0; i < warmup; i++) {
				grounded += answer(engine, questions.get(i % questions.size()), null) ? 1 : 0;
				if (traced != null) {
					answer(engine, questions.get(i % questions.size()), traced);
				}
			}
			long[] off = new long[repetitions];
			long[] on = new long[(traced != null) ? repetitions : 0];
			int block = 100;
			for (int start = 0; start < repetitions; start += block) {
				for (int i = start; i < Math.min(repetitions, start + block); i++) {
					long t = System.nanoTime();
					answer(engine, questions.get(i % questions.size()), null);
					off[i] = System.nanoTime() - t;
				}
				if (traced != null) {
					for (int i = start; i < Math.min(repetitions, start + block); i++) {
						long t = System.nanoTime();
						answer(engine, questions.get(i % questions.size()), traced);
						on[i] = System.nanoTime() - t;
					}
				}
			}
			System.out.printf("chunks %d, questions %d (%d of %d warm-up answers grounded), repetitions %d each%n",
					chunks, questions.size(), grounded, warmup, repetitions);
			System.out.println("trace off: " + summary(off));
			if (traced != null) {
				System.out.println("trace on:  " + summary(on));
			}
			else {
				System.out.println("trace on:  (not measured: --trace=off, or a build without the trace)");
			}
			System.out.println("load (1, 5, 15 min): " + Files.readString(Path.of("/proc/loadavg")).trim());
		}
		finally {
			try (var paths = Files.walk(dir)) {
				paths.sorted(java.util.Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
			}
		}
	}

	static boolean answer(AnswerEngine engine, String question, Method traced) throws Exception {
		AnswerRequest request = new AnswerRequest(KB, question, List.of(), List.of(), null,
				new AnswerRequest.Settings(5, null, null, null), null);
		if (traced != null) {
			request = (AnswerRequest) traced.invoke(request);
		}
		Answer answer = engine.answer(request, (t) -> {
		});
		if (traced != null && answer.getClass().getMethod("trace").invoke(answer) == null) {
			throw new IllegalStateException("a traced answer without its trace");
		}
		return answer.grounded();
	}

	/** AnswerRequest.traced(), or null in a build from before the trace. */
	static Method traced() {
		try {
			return AnswerRequest.class.getMethod("traced");
		}
		catch (NoSuchMethodException ex) {
			return null;
		}
	}

	static String sentence(Random random) {
		return "The " + THINGS[random.nextInt(THINGS.length)] + " on " + PLACES[random.nextInt(PLACES.length)] + " "
				+ EVENTS[random.nextInt(EVENTS.length)] + " in " + (1850 + random.nextInt(170)) + ".";
	}

	static String summary(long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
		return String.format("median %.3f ms, p90 %.3f ms, p99 %.3f ms, mean %.3f ms", sorted[sorted.length / 2] / 1e6,
				sorted[sorted.length * 9 / 10] / 1e6, sorted[sorted.length * 99 / 100] / 1e6, mean);
	}

	static String arg(String[] args, String name, String fallback) {
		for (String arg : args) {
			if (arg.startsWith("--" + name + "=")) {
				return arg.substring(name.length() + 3);
			}
		}
		return fallback;
	}

}
