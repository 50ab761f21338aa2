-- A descending order of the document list (-name, -date, -size), then upload order, read
-- off an index of its own: the ascending indexes do not serve a key descending with its
-- ties ascending, so the catalog sorted every document of the knowledge base before
-- skipping to a page (0.8 s for a middle page of 100,000).
create index document_list_name_desc on document (knowledge_base, filename_key desc, created_at, id);
create index document_list_date_desc on document (knowledge_base, version_at desc, created_at, id);
create index document_list_size_desc on document (knowledge_base, size_bytes desc, created_at, id);
