-- A knowledge base's move to another embedding model (issue 60, item 3): its chunks are
-- embedded again into that model's index while searches read the old one, then the
-- knowledge base's embedding_model switches in one update. live_key is the knowledge
-- base while the migration runs or switches (so at most one per knowledge base) and the
-- migration's own id once it has ended.
create table embedding_migration (
	id varchar(40) primary key,
	knowledge_base varchar(64) not null,
	live_key varchar(64) not null unique,
	from_model varchar(100) not null,
	from_dimensions integer not null,
	to_model varchar(100) not null,
	to_dimensions integer not null,
	status varchar(16) not null,
	documents_done integer not null,
	documents_total integer not null,
	chunks_done integer not null,
	chunks_total integer not null,
	error varchar(2000),
	created_at timestamp with time zone not null,
	updated_at timestamp with time zone not null,
	finished_at timestamp with time zone
);

create index embedding_migration_knowledge_base on embedding_migration (knowledge_base, created_at);
