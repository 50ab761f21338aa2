package dev.ragchat.api.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.webjars.WebJarVersionLocator;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ContentVersionStrategy;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The console's files with versioned names, cached for a year; the page that names them
 * revalidated on every load. Every file of {@code static/console} is served as
 * {@code /console/<name>-<version>.<ext>} (Spring's {@link VersionResourceResolver}), the
 * version a hash of the whole console and of the WebJars it imports, so that a change to
 * any file gives every file a new name: a module's imports are part of what it is.
 * {@link ConsoleLinks} writes those names into {@code index.html} and into the modules'
 * imports (a WebJar's with its version, which Boot's WebJars handler resolves). A
 * versioned name is {@code public, max-age=31536000, immutable}; another version's name
 * is 404, never today's content under yesterday's name. {@code index.html} is
 * {@code no-cache} with an ETag of what it is after its links are written; the files'
 * names without a version are still served, uncached (the security chain's
 * {@code no-store}).
 */
@Configuration(proxyBeanMethods = false)
class ConsoleAssets implements WebMvcConfigurer {

	/** Where the console's files are. */
	static final String LOCATION = "classpath:/static/console/";

	private static final CacheControl VERSIONED = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	private static final Pattern WEBJAR = Pattern.compile("/webjars/([\\w.-]+)/");

	private final String version = version();

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/console/**")
			.addResourceLocations(LOCATION)
			.resourceChain(true)
			.addResolver(new VersionResourceResolver().addVersionStrategy(new WholeConsole(this.version), "/**"))
			.addTransformer(new ConsoleLinks());
		registry.addResourceHandler("/index.html")
			.addResourceLocations("classpath:/static/")
			.setCacheControl(CacheControl.noCache())
			// its content changes with the version, its file's date does not
			.setUseLastModified(false)
			.setEtagGenerator(ConsoleAssets::etag)
			.resourceChain(true)
			.addTransformer(new ConsoleLinks());
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new Versioned(this.version)).addPathPatterns("/console/**", "/webjars/**");
	}

	/**
	 * The console's version: the first 16 hex digits of a SHA-256 over each of its files'
	 * names and contents and the versions of the WebJars they import.
	 */
	static String version() {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			Resource[] files = new PathMatchingResourcePatternResolver().getResources(LOCATION + "**/*.*");
			Arrays.sort(files, Comparator.comparing(ConsoleAssets::path));
			TreeSet<String> webjars = new TreeSet<>();
			for (Resource file : files) {
				byte[] content;
				try (InputStream in = file.getInputStream()) {
					content = in.readAllBytes();
				}
				digest.update(path(file).getBytes(StandardCharsets.UTF_8));
				digest.update(content);
				Matcher imported = WEBJAR.matcher(new String(content, StandardCharsets.UTF_8));
				while (imported.find()) {
					webjars.add(imported.group(1));
				}
			}
			WebJarVersionLocator locator = new WebJarVersionLocator();
			for (String webjar : webjars) {
				digest.update((webjar + "@" + locator.version(webjar)).getBytes(StandardCharsets.UTF_8));
			}
			return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the console's files", ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String path(Resource file) {
		try {
			return file.getURL().toString().replaceFirst("^.*/static/console/", "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A strong ETag of a resource as served (after its links are written). */
	private static String etag(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
			return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * One version for every file of the console, in the file's name
	 * ({@code console-<version>.js}) as Spring's content strategy puts it: the content of
	 * the whole console, not of the file alone (a module's imports are part of it).
	 */
	static final class WholeConsole extends ContentVersionStrategy {

		private final String version;

		WholeConsole(String version) {
			this.version = version;
		}

		@Override
		public String getResourceVersion(Resource resource) {
			return this.version;
		}

	}

	/**
	 * Marks a versioned name's answer as cached for a year: a console file named with
	 * today's version, a WebJar's file under its version's folder. Set before the handler
	 * answers, so the security chain's {@code no-store} stays off it.
	 */
	static final class Versioned implements HandlerInterceptor {

		private final String suffix;

		private final WebJarVersionLocator webjars = new WebJarVersionLocator();

		Versioned(String version) {
			this.suffix = "-" + version + ".";
		}

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			if (versioned(path)) {
				response.setHeader(HttpHeaders.CACHE_CONTROL, VERSIONED.getHeaderValue());
			}
			return true;
		}

		private boolean versioned(String path) {
			if (path.startsWith("/console/")) {
				return path.contains(this.suffix);
			}
			String[] parts = path.split("/", 5);
			// /webjars/<name>/<version>/<file>
			return parts.length == 5 && parts[3].equals(this.webjars.version(parts[2]));
		}

	}

}
