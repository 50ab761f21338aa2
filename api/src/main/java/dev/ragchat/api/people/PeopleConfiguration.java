package dev.ragchat.api.people;

import java.time.Clock;

import dev.ragchat.api.access.ApiKeys;
import dev.ragchat.api.audit.Audit;
import dev.ragchat.api.keys.ApiKeyProperties;
import dev.ragchat.api.knowledge.KnowledgeBaseEvent;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * People, and the owner's grant of each knowledge base a person creates.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PeopleProperties.class)
class PeopleConfiguration {

	@Bean
	People people(PeopleStore store, ApiKeys keys, ApiKeyProperties keyProperties, PeopleProperties properties,
			Clock clock, Audit audit) {
		return new People(store, keys, keyProperties, properties, clock, audit);
	}

	@Bean
	Owners owners(People people) {
		return new Owners(people);
	}

	/**
	 * The person who creates a knowledge base manages it; a deleted one's grants go with
	 * it.
	 */
	static final class Owners {

		private final People people;

		Owners(People people) {
			this.people = people;
		}

		@EventListener
		void on(KnowledgeBaseEvent event) {
			if (event.deleted()) {
				this.people.forget(event.knowledgeBase());
			}
			else if (event.caller().person() != null) {
				this.people.owns(event.knowledgeBase(), event.caller().person().id());
			}
		}

	}

}
