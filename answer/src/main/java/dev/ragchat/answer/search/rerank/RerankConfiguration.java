package dev.ragchat.answer.search.rerank;

import dev.ragchat.retrieval.rerank.Reranker;
import dev.ragchat.retrieval.rerank.Reranking;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The rerank step, only when {@code ragchat.rerank.url} ({@code RAGCHAT_RERANK_URL}) is
 * set and not blank; without it there is no reranker and searches keep the retrieval
 * order ({@link Reranking#off()}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RerankProperties.class)
@Conditional(RerankConfiguration.UrlSet.class)
class RerankConfiguration {

	static final String URL = "ragchat.rerank.url";

	@Bean
	HttpReranker reranker(RerankProperties properties) {
		return new HttpReranker(properties);
	}

	@Bean
	Reranking reranking(Reranker reranker, RerankProperties properties) {
		return new Reranking(reranker, properties.candidates(), properties.minScore());
	}

	/**
	 * A URL that is set but empty ({@code RAGCHAT_RERANK_URL=}) leaves the step off.
	 */
	static class UrlSet implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return StringUtils.hasText(context.getEnvironment().getProperty(URL));
		}

	}

}
