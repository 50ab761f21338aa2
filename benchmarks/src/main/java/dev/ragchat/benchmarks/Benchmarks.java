package dev.ragchat.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Runs one benchmark against ragchat's real modules (ingestion, retrieval, the embedding
 * model, the Lucene index) on a fresh temporary data directory:
 *
 * <pre>
 * java -jar benchmarks/target/ragchat-benchmarks.jar ingestion [--corpus=../shared/data/scifact] [--pages=400]
 * java -jar benchmarks/target/ragchat-benchmarks.jar retrieval [--corpus=../shared/data/scifact] [--sweep] [--against=K,VW,KW,DEPTH]
 * java -jar benchmarks/target/ragchat-benchmarks.jar search --chunks=10000,100000 [--queries=1200] [--warmup=200]
 *     [--peer-queries=200] [--peers=spring-ai,langchain4j|none] [--modes=vector,keyword,hybrid] [--index-dir=DIR]
 * java -jar benchmarks/target/ragchat-benchmarks.jar search --dataset=scifact [--corpus=...] [--warmup=100]
 * java -jar benchmarks/target/ragchat-benchmarks.jar query-embedding [--callers=32]
 * </pre>
 */
// the benchmarks run the embedded set-up: no MongoDB client
@SpringBootApplication(scanBasePackages = "dev.ragchat", exclude = { UserDetailsServiceAutoConfiguration.class,
		MongoAutoConfiguration.class, MongoDataAutoConfiguration.class })
public class Benchmarks {

	private static final List<String> COMMANDS = List.of("ingestion", "retrieval", "search", "query-embedding");

	public static void main(String[] args) throws Exception {
		if (args.length == 0 || !COMMANDS.contains(args[0])) {
			System.err
				.println("usage: ragchat-benchmarks (ingestion|retrieval|search|query-embedding) [--option=value ...]");
			System.exit(2);
		}
		Map<String, String> options = new HashMap<>();
		Arrays.stream(args).skip(1).filter((a) -> a.startsWith("--")).forEach((a) -> {
			String[] pair = a.substring(2).split("=", 2);
			options.put(pair[0], (pair.length > 1) ? pair[1] : "true");
		});
		Path corpus = Path.of(options.getOrDefault("corpus", "../shared/data/scifact"));
		Path dataDir = Files.createTempDirectory("ragchat-benchmark");
		List<ConfigurableApplicationContext> started = new ArrayList<>();
		Supplier<ConfigurableApplicationContext> context = () -> {
			if (started.isEmpty()) {
				started.add(start(dataDir, options));
			}
			return started.get(0);
		};
		try {
			switch (args[0]) {
				case "ingestion" -> new IngestionBenchmark(context.get(), corpus,
						Integer.parseInt(options.getOrDefault("pages", "400")))
					.run();
				case "retrieval" ->
					new RetrievalBenchmark(context.get(), corpus, options.containsKey("sweep"), options.get("against"))
						.run();
				case "query-embedding" ->
					new QueryEmbeddingBenchmark(corpus, Integer.parseInt(options.getOrDefault("callers", "32"))).run();
				default -> search(options, corpus, context);
			}
		}
		finally {
			started.forEach(ConfigurableApplicationContext::close);
			deleteRecursively(dataDir);
		}
	}

	private static void search(Map<String, String> options, Path corpus,
			Supplier<ConfigurableApplicationContext> context) throws Exception {
		SearchBenchmark benchmark = new SearchBenchmark(options);
		if (options.getOrDefault("dataset", "synthetic").equals("scifact")) {
			Path cache = Path.of(options.getOrDefault("vector-cache", "/tmp/ragchat-bench/scifact-bge-small-int8.bin"));
			benchmark.run(SearchSets.sciFact(corpus, cache, context));
			return;
		}
		int queries = Integer.parseInt(options.getOrDefault("queries", "1200"));
		for (String chunks : options.getOrDefault("chunks", "10000,100000").split(",")) {
			benchmark.run(SearchSets.synthetic(Integer.parseInt(chunks), queries));
			System.gc();
		}
	}

	private static ConfigurableApplicationContext start(Path dataDir, Map<String, String> options) {
		SpringApplication application = new SpringApplication(Benchmarks.class);
		application.setBannerMode(Banner.Mode.OFF);
		application.setDefaultProperties(Map.of("ragchat.data-dir", dataDir.toString(), "spring.datasource.url",
				"jdbc:h2:file:" + dataDir.resolve("catalog/ragchat"), "logging.level.root", "warn",
				"ragchat.ingestion.workers", options.getOrDefault("workers", "2")));
		return application.run();
	}

	@Bean
	Clock clock() {
		return Clock.tickMillis(ZoneOffset.UTC);
	}

	private static void deleteRecursively(Path dir) throws IOException {
		try (var paths = Files.walk(dir)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
		}
	}

}
