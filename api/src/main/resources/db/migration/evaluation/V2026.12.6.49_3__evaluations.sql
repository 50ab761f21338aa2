-- evaluations (issue 49): a golden set run through the answer engine; its settings and
-- totals as JSON, each question's result as JSON (answer, citations, found chunks, scores)
create table evaluation (
    id              varchar(64)   primary key,
    knowledge_base  varchar(64)   not null,
    key_id          varchar(64),
    name            varchar(200),
    status          varchar(16)   not null,
    settings        varchar(2000) not null,
    questions_total int           not null,
    questions_done  int           not null,
    totals          varchar(10000),
    error           varchar(2000),
    node            varchar(64)   not null,
    heartbeat_at    timestamp with time zone not null,
    created_at      timestamp with time zone not null,
    started_at      timestamp with time zone,
    finished_at     timestamp with time zone
);
create index evaluation_by_knowledge_base on evaluation (knowledge_base, created_at);
create index evaluation_by_status on evaluation (status);
create table evaluation_question (
    evaluation_id varchar(64) not null,
    seq           int         not null,
    result        clob        not null,
    primary key (evaluation_id, seq)
);
