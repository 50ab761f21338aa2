package dev.ragchat.answer.search.rerank;

import dev.ragchat.retrieval.rerank.Reranker;
import dev.ragchat.retrieval.rerank.Reranking;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rerank step is off unless a URL is set: no reranker then, and every search keeps
 * the retrieval order.
 */
class RerankConfigurationTests {

	final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(RerankConfiguration.class);

	@Test
	void hasNoRerankerWithoutAUrl() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(Reranker.class)
			.doesNotHaveBean(Reranking.class));
	}

	@Test
	void hasNoRerankerWithABlankUrl() {
		this.runner.withPropertyValues("ragchat.rerank.url= ")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(Reranker.class)
				.doesNotHaveBean(Reranking.class));
	}

	@Test
	void retrievesTheConfiguredCandidatesForTheRerankerWithAUrl() {
		this.runner.withPropertyValues("ragchat.rerank.url=http://localhost:8080/v1", "ragchat.rerank.candidates=30")
			.run((context) -> {
				assertThat(context).hasSingleBean(Reranker.class).hasSingleBean(Reranking.class);
				assertThat(context.getBean(Reranking.class).depth(5)).isEqualTo(30);
				assertThat(context.getBean(Reranking.class).depth(40)).isEqualTo(40);
			});
	}

	@Test
	void refusesCandidatesBeyondWhatASearchReturns() {
		this.runner.withPropertyValues("ragchat.rerank.url=http://localhost:8080/v1", "ragchat.rerank.candidates=101")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void neverShowsTheKeyInTheSettingsText() {
		this.runner.withPropertyValues("ragchat.rerank.url=http://localhost:8080/v1", "ragchat.rerank.api-key=s3cr3t")
			.run((context) -> assertThat(context.getBean(RerankProperties.class).toString()).doesNotContain("s3cr3t")
				.contains("apiKey=(set)"));
	}

}
