-- The language model chosen from the console (issue 47): one row for the service, read at
-- start-up so that the choice survives a restart. The API key is stored sealed (AES-GCM,
-- its key in <data dir>/model-secrets.key, owner-only), never in clear.
create table model_choice (
	id varchar(16) primary key,
	kind varchar(32) not null,
	base_url varchar(2048),
	model varchar(200),
	model_path varchar(4096),
	api_key_sealed varchar(4096),
	updated_at timestamp with time zone not null
);
