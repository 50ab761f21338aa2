-- Workers claim the head of the queue in its order (status, attempts, created_at, id) and
-- stop after five. With an index on status alone the catalog read every queued document
-- at each claim, so filling a knowledge base grew with the square of its queue.
create index document_claim on document (status, attempts, created_at, id);
-- document_claim serves every query by status; two indexes starting with it let the
-- planner pick the one that cannot read in order.
drop index document_status;
