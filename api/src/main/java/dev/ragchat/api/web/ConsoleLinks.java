package dev.ragchat.api.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.ResourceTransformerChain;
import org.springframework.web.servlet.resource.ResourceTransformerSupport;
import org.springframework.web.servlet.resource.TransformedResource;

/**
 * Writes the versioned names of the console's files where they are named: in
 * {@code index.html} ({@code src} and {@code href}), and in the console's ES modules
 * (static and dynamic imports and re-exports, relative or absolute, WebJars' included),
 * as the resource chain resolves them (its version resolver; Boot's WebJars resolver,
 * which names the WebJar's version). A name it cannot resolve is left as it is. As
 * {@link org.springframework.web.servlet.resource.CssLinkResourceTransformer} does for
 * CSS, the result is cached with the resource chain.
 */
final class ConsoleLinks extends ResourceTransformerSupport {

	/** A module specifier: {@code from '…'}, {@code import '…'}, {@code import('…')}. */
	private static final Pattern IMPORT = Pattern
		.compile("(\\bfrom\\s*|\\bimport\\s*\\(?\\s*)(['\"])([^'\"\\s]+\\.m?js)\\2");

	/** A link of the page: {@code src="/console/…"}, {@code href="/console/…"}. */
	private static final Pattern LINK = Pattern.compile("(\\s(?:src|href)=)(\")(/console/[^\"]+)\\2");

	@Override
	public Resource transform(HttpServletRequest request, Resource resource, ResourceTransformerChain chain)
			throws IOException {
		Resource transformed = chain.transform(request, resource);
		String name = String.valueOf(transformed.getFilename());
		Pattern links = name.endsWith(".html") ? LINK : (name.endsWith(".js") || name.endsWith(".mjs")) ? IMPORT : null;
		if (links == null) {
			return transformed;
		}
		String content = transformed.getContentAsString(StandardCharsets.UTF_8);
		Matcher link = links.matcher(content);
		StringBuilder written = new StringBuilder(content.length() + 512);
		while (link.find()) {
			String target = link.group(3);
			String versioned = (target.startsWith("/") || target.startsWith("./") || target.startsWith("../"))
					? resolveUrlPath(toAbsolutePath(target, request), request, resource, chain) : null;
			link.appendReplacement(written, Matcher.quoteReplacement(
					link.group(1) + link.group(2) + ((versioned != null) ? versioned : target) + link.group(2)));
		}
		link.appendTail(written);
		return new TransformedResource(resource, written.toString().getBytes(StandardCharsets.UTF_8));
	}

}
