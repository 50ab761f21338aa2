-- Sync runs on JobRunr (issue 59 item 3): a run cut off by a dead node is found by JobRunr
-- (its job orphaned) and run again, so a source keeps only which run holds it; the node
-- that held it and until when its lease held go.
alter table sync_source drop column active_owner;
alter table sync_source drop column active_until;
