-- a key's lineage (issue 58, item 1): what owns the conversations, personas and feedback
-- its keys start; a key issued afresh is its own lineage, a renewal takes the renewed
-- key's. Every key issued before is its own.
alter table api_key add column lineage varchar(32);
update api_key set lineage = id;
alter table api_key alter column lineage set not null;
create index api_key_lineage on api_key (lineage);
