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
 * The model choice, restored from the catalog as the service starts.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ModelsProperties.class)
class ModelsConfiguration {

	@Bean
	Models models(SwitchableGenerator generator, Generators generators, ModelChoiceStore store,
			ModelsProperties properties, RagChatProperties ragchat, ChatConfigStore configs, Clock clock) {
		Models models = new Models(generator, generators, store, new SecretBox(ragchat.dataDir()),
				new ModelServers(properties), configs, clock);
		models.restore();
		return models;
	}

}
