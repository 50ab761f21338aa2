-- Web sources (issue 50): a source may crawl a web site. What it reads (start URL, scope,
-- depth, page limit, its sealed secret) is a JSON text; what the last crawl learnt of each
-- page's version (ETag, Last-Modified) another, for the next crawl's conditional
-- requests. A cron schedule, for every kind of source, beside the interval.
alter table sync_source add column schedule varchar(128);
alter table sync_source add column web clob;
alter table sync_source add column crawl_state clob;
