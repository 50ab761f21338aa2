-- embedding-model migrations run as JobRunr jobs (issue 72 item 5): JobRunr knows which
-- node runs one and whether it lives (its jobrunr_* tables), so a migration no longer
-- reports that it is alive; the time of its last report goes
alter table embedding_migration drop column updated_at;
