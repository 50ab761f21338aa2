-- One live (not FAILED) document per knowledge base and content: live_sha256 holds the
-- hash while the document lives and is cleared when it fails, so the unique index refuses
-- a second live copy however concurrent uploads interleave (NULLs do not collide).
alter table document add column live_sha256 char(64);
update document d set live_sha256 = sha256 where status <> 'FAILED' and not exists (
	select 1 from document o where o.knowledge_base = d.knowledge_base and o.sha256 = d.sha256
		and o.status <> 'FAILED' and (o.created_at < d.created_at or (o.created_at = d.created_at and o.id < d.id)));
create unique index document_live_sha on document (knowledge_base, live_sha256);

-- An Idempotency-Key belongs to the first request that claims it.
create table idempotency_key (
	knowledge_base varchar(64) not null,
	idempotency_key varchar(200) not null,
	request_hash varchar(64) not null,
	created_at timestamp with time zone not null,
	primary key (knowledge_base, idempotency_key)
);

-- A document the quick lane found too large for it; only the main workers take it.
alter table document add column large boolean not null default false;
