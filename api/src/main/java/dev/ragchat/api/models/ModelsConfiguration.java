package dev.ragchat.api.models;

import java.time.Clock;

import dev.ragchat.answer.generate.Generators;
import dev.ragchat.answer.generate.SwitchableGenerator;
import dev.ragchat.api.RagChatProperties;
import dev.ragchat.api.chat.persona.ChatConfigStore;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The model choices (the service's, the personas', the models offered), restored from the
 * catalog as the service starts.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ModelsProperties.class)
class ModelsConfiguration {

	@Bean
	ModelServers modelServers(ModelsProperties properties) {
		return new ModelServers(properties);
	}

	@Bean
	ChoiceCheck choiceCheck(SwitchableGenerator generator, Generators generators, ModelChoiceStore store,
			ModelServers servers, RagChatProperties ragchat, Clock clock) {
		return new ChoiceCheck(generator, generators, store, new SecretBox(ragchat.dataDir()), servers, clock);
	}

	@Bean
	Models models(SwitchableGenerator generator, ChoiceCheck check, ModelChoiceStore store, ModelServers servers) {
		Models models = new Models(generator, check, store, servers);
		models.restore();
		return models;
	}

	@Bean
	PersonaModels personaModels(SwitchableGenerator generator, ChoiceCheck check, ModelChoiceStore store,
			ChatConfigStore configs, Models models) {
		PersonaModels personas = new PersonaModels(generator, check, store, configs, models);
		personas.restore();
		return personas;
	}

	@Bean
	OfferedModels offeredModels(SwitchableGenerator generator, ChoiceCheck check, ModelChoiceStore store,
			PersonaModels personas) {
		OfferedModels offered = new OfferedModels(generator, check, store, personas);
		offered.restore();
		return offered;
	}

}
