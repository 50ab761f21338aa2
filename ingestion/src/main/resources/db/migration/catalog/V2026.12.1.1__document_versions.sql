-- A document replaced in place keeps its id and counts its versions; the versions it
-- had before stay listed (their originals stay in the blob store) for the citations
-- that quoted them.
alter table document add column version int not null default 1;
-- when the current version was uploaded (null: the first, uploaded at created_at)
alter table document add column version_at timestamp with time zone;

create table document_version (
	document_id varchar(64) not null,
	version int not null,
	filename varchar(255) not null,
	media_type varchar(255) not null,
	size_bytes bigint not null,
	sha256 char(64) not null,
	metadata clob,
	created_at timestamp with time zone not null,
	ready_at timestamp with time zone,
	superseded_at timestamp with time zone not null,
	primary key (document_id, version)
);
