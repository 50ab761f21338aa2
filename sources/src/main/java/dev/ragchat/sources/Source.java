package dev.ragchat.sources;

import java.time.Instant;
import java.util.List;

/**
 * Where a knowledge base's files come from: a server folder, an S3 bucket and prefix, or
 * a web site.
 *
 * @param id its id ({@code src_…})
 * @param knowledgeBase the knowledge base it fills
 * @param type folder or S3
 * @param path the folder's real path on the server (folder sources)
 * @param bucket the bucket (S3 sources)
 * @param prefix the key prefix inside the bucket, possibly empty (S3 sources)
 * @param deleteMissing whether a sync deletes the documents whose file is gone (default
 * {@code false}: they are kept and reported)
 * @param intervalMinutes how often it syncs by itself, or {@code null} for only when
 * asked
 * @param createdAt when it was created
 * @param lastRunId its latest run, or {@code null}
 * @param lastRunAt when its latest run started, or {@code null}
 * @param activeRunId the run that holds it now, or {@code null}
 * @param schedule when it syncs by itself, a cron expression (UTC), or {@code null}
 * @param web what a web source reads (web sources), or {@code null}
 */
public record Source(String id, String knowledgeBase, Type type, String path, String bucket, String prefix,
		boolean deleteMissing, Integer intervalMinutes, Instant createdAt, String lastRunId, Instant lastRunAt,
		String activeRunId, String schedule, Web web) {

	/**
	 * A folder or S3 source without a cron schedule.
	 */
	public Source(String id, String knowledgeBase, Type type, String path, String bucket, String prefix,
			boolean deleteMissing, Integer intervalMinutes, Instant createdAt, String lastRunId, Instant lastRunAt,
			String activeRunId) {
		this(id, knowledgeBase, type, path, bucket, prefix, deleteMissing, intervalMinutes, createdAt, lastRunId,
				lastRunAt, activeRunId, null, null);
	}

	/**
	 * @return where it reads, for messages: the folder, {@code s3://bucket/prefix}, or
	 * the web source's URL
	 */
	public String location() {
		return switch (this.type) {
			case FOLDER -> this.path;
			case S3 -> "s3://" + this.bucket + "/" + this.prefix;
			case WEB -> this.web.url();
		};
	}

	/**
	 * What a web source reads.
	 *
	 * @param url its start page, or a sitemap
	 * @param include paths read beyond the start URL's prefix (see
	 * {@link dev.ragchat.sources.crawl.WebScope})
	 * @param exclude paths left out
	 * @param maxDepth how many links from the start a page may be
	 * @param maxPages the most pages a sync requests
	 * @param auth the secret sent to its site, or {@code null}
	 * @param urls more start pages on the same site (each widens the scope by its own
	 * folder), or empty
	 */
	public record Web(String url, List<String> include, List<String> exclude, int maxDepth, int maxPages, Auth auth,
			List<String> urls) {

		public Web {
			include = (include != null) ? List.copyOf(include) : List.of();
			exclude = (exclude != null) ? List.copyOf(exclude) : List.of();
			urls = (urls != null) ? List.copyOf(urls) : List.of();
		}

		/**
		 * One start page or sitemap.
		 */
		public Web(String url, List<String> include, List<String> exclude, int maxDepth, int maxPages, Auth auth) {
			this(url, include, exclude, maxDepth, maxPages, auth, List.of());
		}

	}

	/**
	 * A web source's secret, sealed: a header ({@code kind} {@code header}, {@code name}
	 * the header's name, the value sealed) or HTTP basic authentication ({@code kind}
	 * {@code basic}, the user name and password sealed together). Never shown, never
	 * logged.
	 *
	 * @param kind {@code header} or {@code basic}
	 * @param name the header's name ({@code header}), or {@code null}
	 * @param sealed the secret, sealed
	 */
	public record Auth(String kind, String name, String sealed) {

		@Override
		public String toString() {
			return "Auth[" + this.kind + "]";
		}

	}

	/**
	 * The kinds of source.
	 */
	public enum Type {

		/** A folder on the server, under one of {@code ragchat.sync.folder-roots}. */
		FOLDER,

		/** An S3 bucket and key prefix. */
		S3,

		/** A web site's pages, crawled from a start page or a sitemap. */
		WEB

	}

}
