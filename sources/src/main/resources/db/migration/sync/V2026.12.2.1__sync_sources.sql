-- Sync sources (issue 25 item 2): a server folder or an S3 bucket/prefix whose files a
-- knowledge base mirrors. A source holds the claim of its one running sync (run id, the
-- node that runs it, until when its lease holds), so that one sync runs per source at a
-- time and a run cut off by a crash is found by its expired lease.
create table sync_source (
	id varchar(64) primary key,
	knowledge_base varchar(64) not null,
	type varchar(16) not null,
	path varchar(4096),
	bucket varchar(255),
	prefix varchar(1024),
	delete_missing boolean not null,
	interval_minutes int,
	created_at timestamp with time zone not null,
	last_run_id varchar(64),
	last_run_at timestamp with time zone,
	active_run_id varchar(64),
	active_owner varchar(128),
	active_until timestamp with time zone
);
create index sync_source_by_knowledge_base on sync_source (knowledge_base, created_at);

-- one row per sync run: its progress while it runs, its report when it ends
create table sync_run (
	id varchar(64) primary key,
	source_id varchar(64) not null,
	knowledge_base varchar(64) not null,
	status varchar(16) not null,
	trigger_kind varchar(16) not null,
	delete_missing boolean not null,
	started_at timestamp with time zone not null,
	finished_at timestamp with time zone,
	files_total int not null default 0,
	files_done int not null default 0,
	documents_indexing int not null default 0,
	documents_indexed int not null default 0,
	report clob,
	error varchar(2000)
);
create index sync_run_by_source on sync_run (source_id, started_at);
