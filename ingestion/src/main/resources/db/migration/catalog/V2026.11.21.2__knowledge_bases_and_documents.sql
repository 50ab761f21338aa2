create table knowledge_base (
	id varchar(64) primary key,
	name varchar(200) not null,
	description varchar(2000),
	embedding_model varchar(100) not null,
	dimensions integer not null,
	created_at timestamp with time zone not null
);

create table document (
	id varchar(40) primary key,
	knowledge_base varchar(64) not null,
	filename varchar(255) not null,
	media_type varchar(100),
	size_bytes bigint not null,
	sha256 char(64) not null,
	status varchar(16) not null,
	pages_done integer not null default 0,
	pages_total integer not null default 0,
	chunks_done integer not null default 0,
	chunks_total integer not null default 0,
	warnings varchar(100000) not null default '[]',
	error varchar(2000),
	attempts integer not null default 0,
	metadata varchar(20000),
	idempotency_key varchar(200),
	request_hash varchar(64),
	duplicate_of varchar(40),
	lease_owner varchar(100),
	lease_until timestamp with time zone,
	created_at timestamp with time zone not null,
	updated_at timestamp with time zone not null,
	ready_at timestamp with time zone
);

create index document_knowledge_base on document (knowledge_base, created_at);
create index document_sha on document (knowledge_base, sha256);
create index document_status on document (status);
create index document_idempotency on document (knowledge_base, idempotency_key);
