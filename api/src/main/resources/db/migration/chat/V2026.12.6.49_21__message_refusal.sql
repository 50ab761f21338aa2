-- why an answer says the documents do not answer (issue 49: refusal codes in every
-- answer): its reason code (no-sources, below-rerank-score, below-similarity,
-- names-not-in-sources, model-said-not-found, citations-not-verified) and what the stage
-- that refused saw; null for questions, grounded answers and answers stored before
alter table chat_message add column refusal_reason varchar(64);
alter table chat_message add column refusal_detail varchar(4000);
