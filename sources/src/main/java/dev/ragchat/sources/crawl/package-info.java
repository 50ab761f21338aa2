/**
 * Crawling web sources: a site's pages within a scope
 * ({@link dev.ragchat.sources.crawl.WebScope}), reached only on the hosts and addresses
 * the operator allows ({@link dev.ragchat.sources.crawl.HostPolicy}), robots.txt obeyed,
 * each host pressed lightly, unchanged pages answered by conditional requests
 * ({@link dev.ragchat.sources.crawl.Crawl}).
 */
package dev.ragchat.sources.crawl;
