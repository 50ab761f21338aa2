-- The document list is searched, sorted and paged by the catalog (issue 60), never read
-- whole. filename_key is the file name as the list searches and sorts it (lower case;
-- the service writes it as Java's Locale.ROOT does), and version_at, when the current
-- version was uploaded, is now written for the first version too (it was null then).
alter table document add column filename_key varchar(1020);
update document set filename_key = lower(filename);
alter table document alter column filename_key set not null;
update document set version_at = created_at where version_at is null;
-- each order of the list, then upload order (ties), within a knowledge base
create index document_list_name on document (knowledge_base, filename_key, created_at, id);
create index document_list_date on document (knowledge_base, version_at, created_at, id);
create index document_list_size on document (knowledge_base, size_bytes, created_at, id);
-- the status order, and the queue's places in line
create index document_list_status on document (knowledge_base, status, created_at, id);
