-- the tokens a language model spent on an answer (prompt and answer, as the model reports
-- them); null without a model (issue 26: usage analytics counts them)
alter table chat_message add column tokens bigint;
