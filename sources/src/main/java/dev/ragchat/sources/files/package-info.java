/**
 * The files of a source as a sync reads them
 * ({@link dev.ragchat.sources.files.SourceFiles}): a server folder's
 * ({@link dev.ragchat.sources.files.FolderFiles}, never the service's own files:
 * {@link dev.ragchat.sources.files.ProtectedPaths}) and an S3 prefix's
 * ({@link dev.ragchat.sources.files.BucketFiles}), and what a sync may copy of them
 * ({@link dev.ragchat.sources.files.SyncLimits}). A web source's pages are crawled
 * ({@code sources.crawl}); its files ({@code WebFiles}) stay with the source, whose crawl
 * state they keep. Internal to the {@code sources} module.
 */
package dev.ragchat.sources.files;
