-- evaluations run as JobRunr jobs (issue 59): JobRunr knows which process runs a run and
-- whether it lives (its jobrunr_* tables, created by JobRunr itself), not the run's row
alter table evaluation drop column node;
alter table evaluation drop column heartbeat_at;
