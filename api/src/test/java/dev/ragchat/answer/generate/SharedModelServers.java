package dev.ragchat.answer.generate;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.ragchat.api.TestPorts;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Stub model servers (WireMock) at one address each for the whole test run, for test
 * classes with the same generator settings, which then share one Spring context. Each
 * class registers its own {@link #gemini()} or {@link #openAi()} extension, started
 * before the class and stopped after it, always on the same port, so the address the
 * shared context was given stays right. The context takes that address from a
 * {@link DynamicPropertyRegistrar} bean of a configuration the classes import alike
 * ({@link GeminiEndpoint}, {@link OpenAiEndpoint}): a {@code @DynamicPropertySource}
 * method of each class would make their contexts differ.
 */
public final class SharedModelServers {

	private static final int GEMINI = TestPorts.unused();

	private static final int OPENAI = TestPorts.unused();

	private SharedModelServers() {
	}

	/**
	 * @return a Gemini API stub, at {@code ragchat.chat.gemini.endpoint}
	 */
	public static WireMockExtension gemini() {
		return WireMockExtension.newInstance().options(wireMockConfig().port(GEMINI)).build();
	}

	/**
	 * @return an OpenAI-compatible server's stub, at {@code ragchat.chat.openai.base-url}
	 * (with its {@code /v1})
	 */
	public static WireMockExtension openAi() {
		return WireMockExtension.newInstance().options(wireMockConfig().port(OPENAI)).build();
	}

	/**
	 * The Gemini endpoint at {@link #gemini()}'s stub.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	public static class GeminiEndpoint {

		@Bean
		static DynamicPropertyRegistrar geminiEndpoint() {
			return (registry) -> registry.add("ragchat.chat.gemini.endpoint", () -> "http://localhost:" + GEMINI);
		}

	}

	/**
	 * The OpenAI-compatible base URL at {@link #openAi()}'s stub.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	public static class OpenAiEndpoint {

		@Bean
		static DynamicPropertyRegistrar openAiBaseUrl() {
			return (registry) -> registry.add("ragchat.chat.openai.base-url",
					() -> "http://localhost:" + OPENAI + "/v1");
		}

	}

}
