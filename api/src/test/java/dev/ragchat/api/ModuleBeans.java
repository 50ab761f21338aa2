package dev.ragchat.api;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.springframework.context.ApplicationContext;

/**
 * What an application module test's context started, for checking that it started no more
 * than its module and those it depends on.
 */
public final class ModuleBeans {

	private ModuleBeans() {
	}

	/**
	 * @param context a module test's context
	 * @return the package of each of its beans' types
	 */
	public static List<String> packages(ApplicationContext context) {
		return Arrays.stream(context.getBeanDefinitionNames())
			.map(context::getType)
			.filter(Objects::nonNull)
			.map(Class::getPackageName)
			.toList();
	}

}
