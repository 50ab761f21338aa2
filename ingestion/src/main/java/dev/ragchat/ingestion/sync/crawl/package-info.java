/**
 * Crawling web sources: a site's pages within a scope
 * ({@link dev.ragchat.ingestion.sync.crawl.WebScope}), reached only on the hosts and
 * addresses the operator allows ({@link dev.ragchat.ingestion.sync.crawl.HostPolicy}),
 * robots.txt obeyed, each host pressed lightly, unchanged pages answered by conditional
 * requests ({@link dev.ragchat.ingestion.sync.crawl.Crawl}).
 * <p>
 * A named interface of the {@code ingestion.sync} module, which other modules may use
 * ({@code ModularityTests}): api.sync keeps a web source's secrets apart
 * ({@code Secrets}).
 */
@NamedInterface("crawl")
package dev.ragchat.ingestion.sync.crawl;

import org.springframework.modulith.NamedInterface;
