-- A key lists its own sessions, newest first.
create index chat_session_key_created on chat_session (api_key_id, created_at);

-- A persona catalog: chat configurations carry a description and an avatar, and may lock
-- the settings of the sessions started from them (editable null is taken as true).
alter table chat_config add column description varchar(2000);
alter table chat_config add column avatar_url varchar(2000);
alter table chat_config add column editable boolean;

-- Images and audio a caller stored to attach to messages (the bytes are in the blob store).
create table media (
	id varchar(40) primary key,
	owner_key varchar(32) not null,
	media_type varchar(100) not null,
	size_bytes bigint not null,
	created_at timestamp with time zone not null
);

-- Structured fields extracted from a file or a document, checked against their schema.
create table extraction (
	id varchar(40) primary key,
	owner_key varchar(32) not null,
	document_id varchar(40),
	knowledge_base varchar(64),
	media_id varchar(40),
	schema_json varchar(100000) not null,
	fields_json varchar(1000000) not null,
	model varchar(100) not null,
	created_at timestamp with time zone not null
);

create index extraction_owner on extraction (owner_key, created_at);
