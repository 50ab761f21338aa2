create table api_key (
	id varchar(32) primary key,
	name varchar(200),
	key_hash char(64) not null unique,
	scopes varchar(100) not null,
	knowledge_bases varchar(4000) not null,
	created_at timestamp with time zone not null,
	expires_at timestamp with time zone not null,
	revoked_at timestamp with time zone,
	last_used_at timestamp with time zone
);

create table chat_session (
	id varchar(40) primary key,
	api_key_id varchar(32) not null,
	knowledge_base varchar(100) not null,
	config_id varchar(100),
	system_prompt varchar(8000),
	model varchar(100),
	temperature double precision,
	top_k integer,
	created_at timestamp with time zone not null,
	expires_at timestamp with time zone not null,
	ended_at timestamp with time zone
);

create index chat_session_api_key on chat_session (api_key_id);
