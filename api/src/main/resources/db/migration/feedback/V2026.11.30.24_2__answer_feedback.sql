-- feedback on answers (issue 24): one rating per answer, listed per knowledge base
create table answer_feedback (
    message_id     varchar(64)   primary key,
    session_id     varchar(64)   not null,
    knowledge_base varchar(64)   not null,
    key_id         varchar(64)   not null,
    rating         varchar(8)    not null,
    reason         varchar(2000),
    answer         varchar(600)  not null,
    created_at     timestamp with time zone not null
);
create index answer_feedback_by_knowledge_base on answer_feedback (knowledge_base, created_at);
