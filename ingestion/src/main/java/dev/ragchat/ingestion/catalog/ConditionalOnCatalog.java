package dev.ragchat.ingestion.catalog;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.ragchat.ingestion.catalog.CatalogProperties.Store;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the catalog is on the given backend: the one condition on the catalog's
 * choice, for the code that needs the chosen backend's client rather than a store (the
 * catalog's own client imports, JobRunr's storage). It binds {@link CatalogProperties} as
 * the application does, so it agrees with {@link Catalog#choose} on every spelling and
 * default, and an unknown value stops start-up with Spring Boot's report of the valid
 * ones. A feature's stores need no condition: {@link Catalog#choose}.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(ConditionalOnCatalog.OnCatalogCondition.class)
public @interface ConditionalOnCatalog {

	/**
	 * The backend the annotated configuration or bean is for.
	 * @return the backend
	 */
	Store value();

	/**
	 * Compares {@link ConditionalOnCatalog#value} with the bound
	 * {@link CatalogProperties#store()}.
	 */
	final class OnCatalogCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Store wanted = (Store) metadata.getAnnotationAttributes(ConditionalOnCatalog.class.getName()).get("value");
			Store chosen = CatalogProperties.of(Binder.get(context.getEnvironment())).store();
			ConditionMessage.Builder message = ConditionMessage.forCondition(ConditionalOnCatalog.class, wanted);
			return (chosen == wanted) ? ConditionOutcome.match(message.foundExactly("the catalog on " + chosen))
					: ConditionOutcome.noMatch(message.found("the catalog on").items(chosen));
		}

	}

}
