create table chat_message (
	id varchar(40) primary key,
	session_id varchar(40) not null,
	seq bigint not null,
	role varchar(16) not null,
	content varchar(100000) not null,
	grounded boolean,
	citations varchar(100000),
	created_at timestamp with time zone not null
);

create unique index chat_message_order on chat_message (session_id, seq);

create table chat_config (
	id varchar(40) primary key,
	title varchar(200) not null,
	knowledge_base varchar(64) not null,
	system_prompt varchar(8000),
	model varchar(100),
	temperature double precision,
	top_k integer,
	owner_key varchar(32),
	created_at timestamp with time zone not null,
	updated_at timestamp with time zone not null
);
