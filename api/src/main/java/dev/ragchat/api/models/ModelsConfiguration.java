package dev.ragchat.api.models;

import java.time.Clock;

import dev.ragchat.answer.generate.ChosenModel;
import dev.ragchat.answer.generate.ChosenModels;
import dev.ragchat.api.RagChatProperties;
import dev.ragchat.api.chatconfig.ChatConfigStore;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The model choices (the service's, the chat configs', the models offered), restored from
 * the catalog as the service starts.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ModelsProperties.class)
class ModelsConfiguration {

	/**
	 * The models chosen while the service runs, starting with the configured one.
	 */
	@Bean(destroyMethod = "close")
	ModelRegistry modelRegistry(ChosenModel configured) {
		return new ModelRegistry(configured);
	}

	@Bean
	ModelServers modelServers(ModelsProperties properties) {
		return new ModelServers(properties);
	}

	@Bean
	ChoiceCheck choiceCheck(ModelRegistry generator, ChosenModels chosenModels, ModelChoiceStore store,
			ModelServers servers, RagChatProperties ragchat, Clock clock) {
		return new ChoiceCheck(generator, chosenModels, store, new SecretBox(ragchat.dataDir()), servers, clock);
	}

	@Bean
	Models models(ModelRegistry generator, ChoiceCheck check, ModelChoiceStore store, ModelServers servers) {
		Models models = new Models(generator, check, store, servers);
		models.restore();
		return models;
	}

	@Bean
	ChatConfigModels chatConfigModels(ModelRegistry generator, ChoiceCheck check, ModelChoiceStore store,
			ChatConfigStore configs, Models models) {
		ChatConfigModels chatConfigs = new ChatConfigModels(generator, check, store, configs, models);
		chatConfigs.restore();
		return chatConfigs;
	}

	@Bean
	OfferedModels offeredModels(ModelRegistry generator, ChoiceCheck check, ModelChoiceStore store,
			ChatConfigModels chatConfigs, ChatConfigStore configs) {
		OfferedModels offered = new OfferedModels(generator, check, store, chatConfigs, configs);
		offered.restore();
		return offered;
	}

}
