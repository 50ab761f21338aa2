package dev.ragchat.api.models;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.ragchat.answer.generate.ChosenModel;
import dev.ragchat.answer.generate.ChosenModels;
import dev.ragchat.errors.RejectedInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.StringUtils;

/**
 * A choice of model checked, for the service, a chat config or the models offered alike:
 * its fields (an address without credentials, a model's name), then one test call; a
 * failing call frees what was built and keeps nothing. A stored API key goes only with
 * the same server again, never to another unasked. Also builds the model of a stored
 * choice (at start-up: nothing is called) and lists a typed server's models.
 */
final class ChoiceCheck {

	private static final Logger logger = LoggerFactory.getLogger(ChoiceCheck.class);

	/** The kind of an offered model that is the model the configuration names. */
	static final String CONFIGURED = "configured";

	/** The kinds the console may choose. */
	static final Set<String> CHOOSABLE = Set.of(ChosenModel.EXTRACTIVE, ChosenModel.OLLAMA,
			ChosenModel.OPENAI_COMPATIBLE, ChosenModel.LLAMA_CPP);

	private static final int MAX_MODEL = 200;

	private final ModelRegistry generator;

	private final ChosenModels chosenModels;

	private final ModelChoiceStore store;

	private final SecretBox secrets;

	private final ModelServers servers;

	private final Clock clock;

	ChoiceCheck(ModelRegistry generator, ChosenModels chosenModels, ModelChoiceStore store, SecretBox secrets,
			ModelServers servers, Clock clock) {
		this.generator = generator;
		this.chosenModels = chosenModels;
		this.store = store;
		this.secrets = secrets;
		this.servers = servers;
		this.clock = clock;
	}

	/**
	 * Checks a choice: its fields, then one test call. A failing call frees what was
	 * built and keeps nothing.
	 * @param request the choice
	 * @param stored the choices whose API key goes with the same server
	 * @param kinds the kinds that may be chosen
	 * @return the choice to keep (its API key sealed), its model built and the model's
	 * reply
	 */
	Checked check(ChoiceRequest request, List<ModelChoice> stored, Set<String> kinds) {
		String kind = (request.kind() != null) ? request.kind().strip().toLowerCase(Locale.ROOT) : "";
		if (!kinds.contains(kind)) {
			List<String> order = List.of(ChosenModel.EXTRACTIVE, ChosenModel.OLLAMA, ChosenModel.OPENAI_COMPATIBLE,
					ChosenModel.LLAMA_CPP, CONFIGURED);
			throw new RejectedInputException(
					"kind: one of " + String.join(", ", order.stream().filter(kinds::contains).toList()) + " (was '"
							+ request.kind() + "')");
		}
		String baseUrl = null;
		String model = null;
		String modelPath = null;
		String apiKey = null;
		if (ChosenModel.OLLAMA.equals(kind) || ChosenModel.OPENAI_COMPATIBLE.equals(kind)) {
			baseUrl = checkedUrl(request.baseUrl());
			if (!StringUtils.hasText(request.model()) || request.model().strip().length() > MAX_MODEL) {
				throw new RejectedInputException("model: the name of one of the server's models is needed (at most "
						+ MAX_MODEL + " characters)");
			}
			model = request.model().strip();
			apiKey = apiKey(kind, baseUrl, request.apiKey(), stored);
		}
		else if (ChosenModel.LLAMA_CPP.equals(kind)) {
			modelPath = (request.modelPath() != null) ? request.modelPath().strip() : null;
		}
		ChosenModel built = CONFIGURED.equals(kind) ? this.generator.configured()
				: build(kind, baseUrl, model, apiKey, modelPath);
		String reply;
		try {
			reply = this.chosenModels.check(built, (baseUrl != null) ? baseUrl : built.model());
		}
		catch (RuntimeException ex) {
			if (built != this.generator.configured()) {
				closeQuietly(built);
			}
			throw ex;
		}
		ModelChoice kept = new ModelChoice(kind, baseUrl, built.model(), modelPath,
				StringUtils.hasText(apiKey) ? this.secrets.seal(apiKey) : null, this.clock.instant());
		return new Checked(kept, built, reply);
	}

	/**
	 * @param choice a stored choice
	 * @return its model, built as when it was chosen (nothing is called)
	 */
	ChosenModel build(ModelChoice choice) {
		if (CONFIGURED.equals(choice.kind())) {
			return this.generator.configured();
		}
		return build(choice.kind(), choice.baseUrl(), choice.model(), apiKey(choice), choice.modelPath());
	}

	/**
	 * @param kind {@code ollama} or {@code openai-compatible}
	 * @param baseUrl the server's base URL
	 * @param apiKey its API key, or {@code null} for the stored one when the server is
	 * the service's choice's or an offered model's
	 * @return the names of its models
	 */
	List<String> models(String kind, String baseUrl, String apiKey) {
		if (!ChosenModel.OLLAMA.equals(kind) && !ChosenModel.OPENAI_COMPATIBLE.equals(kind)) {
			throw new RejectedInputException("kind: only ollama and openai-compatible servers list their models");
		}
		String url = checkedUrl(baseUrl);
		return this.servers.models(kind, url, apiKey(kind, url, apiKey, keySources()));
	}

	/**
	 * @param stored a stored choice of a server
	 * @param answering the model that answers with it
	 * @return the server's models, or only the one that answers when it does not say
	 */
	List<String> models(ModelChoice stored, String answering) {
		try {
			return this.servers.models(stored.kind(), stored.baseUrl(), apiKey(stored));
		}
		catch (RuntimeException ex) {
			return List.of(answering);
		}
	}

	/**
	 * The choices whose API key may go with the same server again: the service's and the
	 * models offered (a key never goes to another server unasked).
	 */
	List<ModelChoice> keySources() {
		List<ModelChoice> sources = new ArrayList<>(this.store.find().stream().toList());
		sources.addAll(this.store.offered().values());
		return sources;
	}

	private ChosenModel build(String kind, String baseUrl, String model, String apiKey, String modelPath) {
		return switch (kind) {
			case ChosenModel.EXTRACTIVE -> ChosenModel.EXTRACTIVE.equals(this.generator.configured().kind())
					? this.generator.configured() : this.chosenModels.extractive();
			case ChosenModel.OLLAMA -> this.chosenModels.ollama(baseUrl, model);
			case ChosenModel.OPENAI_COMPATIBLE -> this.chosenModels.openAiCompatible(baseUrl, model, apiKey);
			case ChosenModel.LLAMA_CPP -> this.chosenModels.llamaCpp(modelPath);
			default -> throw new IllegalStateException("kind " + kind);
		};
	}

	private String apiKey(ModelChoice choice) {
		return (choice.sealedApiKey() != null) ? this.secrets.open(choice.sealedApiKey()) : null;
	}

	/**
	 * The API key to use: the one given (blank for none), else the stored one when the
	 * server is the stored choice's (a key never goes to another server unasked).
	 */
	private String apiKey(String kind, String baseUrl, String given, List<ModelChoice> stored) {
		if (given != null) {
			return StringUtils.hasText(given) ? given.strip() : null;
		}
		return stored.stream()
			.filter((s) -> s.sealedApiKey() != null && kind.equals(s.kind()) && baseUrl.equals(s.baseUrl()))
			.findFirst()
			.map((s) -> this.secrets.open(s.sealedApiKey()))
			.orElse(null);
	}

	/**
	 * An http(s) URL with a host, without credentials, query or fragment: an API key goes
	 * in its own field (sealed), never in a URL.
	 */
	static String checkedUrl(String baseUrl) {
		if (!StringUtils.hasText(baseUrl)) {
			throw new RejectedInputException("baseUrl: the server's address is needed, e.g. http://localhost:11434");
		}
		String url = baseUrl.strip();
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			throw new RejectedInputException("baseUrl: not a URL: " + url);
		}
		if (uri.getScheme() == null || !Set.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))
				|| uri.getHost() == null) {
			throw new RejectedInputException("baseUrl: an http:// or https:// address with a host is needed");
		}
		if (uri.getRawUserInfo() != null) {
			throw new RejectedInputException(
					"baseUrl: no credentials in the address; put the API key in its own field, where it is kept sealed");
		}
		if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw new RejectedInputException("baseUrl: the base URL takes no query or fragment");
		}
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	private static void closeQuietly(ChosenModel built) {
		if (built.resource() != null) {
			try {
				built.resource().close();
			}
			catch (Exception ex) {
				logger.warn("Freeing the {} model failed: {}", built.kind(), ex.toString());
			}
		}
	}

	/**
	 * A choice that passed its test call.
	 *
	 * @param choice the choice to keep, its API key sealed
	 * @param built its model, built and ready
	 * @param reply what the model answered the test call
	 */
	record Checked(ModelChoice choice, ChosenModel built, String reply) {

	}

}
