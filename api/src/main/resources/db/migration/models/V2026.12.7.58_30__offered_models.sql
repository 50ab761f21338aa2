-- The models people may use (issue 58, item 3): the master key marks found or configured
-- models, and anyone may then pick one of them per conversation (a session's model) or
-- per chat completion. One row per model, under the name people pick it by (the model's
-- own name); the API key is sealed as in model_choice.
create table offered_model (
	name varchar(200) primary key,
	kind varchar(32) not null,
	base_url varchar(2048),
	model varchar(200),
	model_path varchar(4096),
	api_key_sealed varchar(4096),
	updated_at timestamp with time zone not null
);
