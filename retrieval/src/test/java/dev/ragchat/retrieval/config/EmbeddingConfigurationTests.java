package dev.ragchat.retrieval.config;

import dev.ragchat.retrieval.embedding.EmbeddingModelsProperties;
import dev.ragchat.retrieval.embedding.EmbeddingProperties;
import dev.ragchat.retrieval.embedding.IndexEmbedding;
import dev.ragchat.retrieval.embedding.IndexEmbeddings;
import dev.ragchat.retrieval.embedding.VectorCacheProperties;
import dev.ragchat.retrieval.onnx.InProcessModel;
import dev.ragchat.retrieval.onnx.OnnxEmbeddingModel;
import org.junit.jupiter.api.Test;

import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which in-process model indexes and which embeds answers' sentences, by
 * {@code ragchat.retrieval.embedding.provider} and
 * {@code ragchat.retrieval.embedding-models}.
 */
class EmbeddingConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(Properties.class, EmbeddingConfiguration.class);

	@Test
	void indexesWithBgeSmallByDefaultAndNeverLoadsMiniLm() {
		this.runner.run((context) -> {
			assertThat(context.getBean(IndexEmbeddings.class).primary().name())
				.isEqualTo(InProcessModel.BGE_SMALL.name());
			assertThat(context.getBean(IndexEmbeddings.class).all()).hasSize(1);
			assertThat(context.getBeanFactory().containsSingleton("miniLm")).isFalse();
		});
	}

	@Test
	void miniLmIndexesWhileBgeSmallStillEmbedsAnswersSentences() {
		this.runner.withPropertyValues("ragchat.retrieval.embedding.provider=minilm").run((context) -> {
			IndexEmbedding index = context.getBean(IndexEmbeddings.class).primary();
			assertThat(index.name()).isEqualTo(InProcessModel.MINILM.name());
			assertThat(index.dimensions()).isEqualTo(384);
			OnnxEmbeddingModel sentences = (OnnxEmbeddingModel) context.getBean(EmbeddingModel.class);
			assertThat(sentences.model()).isEqualTo(InProcessModel.BGE_SMALL);
			String query = "How long do refunds take?";
			assertThat(index.queries().embed(query)).isNotEqualTo(sentences.queries().embed(query))
				.isEqualTo(((OnnxEmbeddingModel) context.getBean("miniLm")).queries().embed(query));
			assertThat(index.model().embed("Refunds take fourteen days."))
				.isEqualTo(((OnnxEmbeddingModel) context.getBean("miniLm")).embed("Refunds take fourteen days."));
		});
	}

	@Test
	void offersMiniLmToMoveToWhenAsked() {
		this.runner.withPropertyValues("ragchat.retrieval.embedding-models.minilm=true").run((context) -> {
			IndexEmbeddings models = context.getBean(IndexEmbeddings.class);
			assertThat(models.all()).extracting(IndexEmbedding::name)
				.containsExactly(InProcessModel.BGE_SMALL.name(), InProcessModel.MINILM.name());
		});
	}

	@Test
	void offersBgeSmallBackWhenMiniLmIsTheServersModel() {
		this.runner.withPropertyValues("ragchat.retrieval.embedding.provider=minilm",
				"ragchat.retrieval.embedding-models.minilm=true", "ragchat.retrieval.embedding-models.bge-small=true")
			.run((context) -> assertThat(context.getBean(IndexEmbeddings.class).all()).extracting(IndexEmbedding::name)
				.containsExactly(InProcessModel.MINILM.name(), InProcessModel.BGE_SMALL.name()));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ RetrievalProperties.class, EmbeddingProperties.class,
			EmbeddingModelsProperties.class, VectorCacheProperties.class })
	static class Properties {

	}

}
