-- a chat's scope (issue 58, item 2): the knowledge bases a session asks besides the one
-- it started on, and the documents it is narrowed to; no row for a session that asks one
-- whole knowledge base (every session before). Ids as JSON arrays of strings.
create table chat_session_scope (
    session_id varchar(64) primary key,
    knowledge_bases varchar(8000) not null,
    documents varchar(8000) not null
);
