-- People who sign in with an identity provider (issue 51), the API keys they hold (their
-- console's and those they issue: each acts with at most what the person may do now), and
-- what each knowledge base grants a group or a person (chat, upload or manage).
create table person (
	id varchar(40) primary key,
	issuer varchar(500) not null,
	subject varchar(255) not null,
	name varchar(300),
	email varchar(320),
	groups_list varchar(4000) not null,
	console_key_id varchar(32),
	created_at timestamp with time zone not null,
	signed_in_at timestamp with time zone not null,
	removed_at timestamp with time zone
);

create unique index person_subject on person (issuer, subject);

create table person_key (
	key_id varchar(32) primary key,
	person_id varchar(40) not null
);

create index person_key_person on person_key (person_id);

create table kb_grant (
	knowledge_base varchar(64) not null,
	grantee varchar(300) not null,
	permission varchar(16) not null,
	granted_at timestamp with time zone not null,
	primary key (knowledge_base, grantee)
);

create index kb_grant_grantee on kb_grant (grantee);
