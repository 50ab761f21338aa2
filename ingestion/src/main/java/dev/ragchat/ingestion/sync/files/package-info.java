/**
 * The files of a source as a sync reads them
 * ({@link dev.ragchat.ingestion.sync.files.SourceFiles}): a server folder's
 * ({@link dev.ragchat.ingestion.sync.files.FolderFiles}, never the service's own files:
 * {@link dev.ragchat.ingestion.sync.files.ProtectedPaths}) and an S3 prefix's
 * ({@link dev.ragchat.ingestion.sync.files.BucketFiles}), and what a sync may copy of
 * them ({@link dev.ragchat.ingestion.sync.files.SyncLimits}). A web source's pages are
 * crawled ({@code ingestion.sync.crawl}); its files ({@code WebFiles}) stay with the
 * source, whose crawl state they keep. Internal to the {@code ingestion.sync} module.
 */
package dev.ragchat.ingestion.sync.files;
