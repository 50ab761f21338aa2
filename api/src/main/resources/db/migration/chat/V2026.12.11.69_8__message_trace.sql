-- an answer's trace (issue 69, item 8: "Why this answer?" on any past answer, after a
-- reload or with a renewed key): the stages as they ran, as JSON, for an answer whose
-- question asked for it (the console asks with every question), less the generate
-- stage's text and repeated snippets, at most 60,000 characters (ChatMessage.MAX_TRACE);
-- null for every other message and for answers stored before
alter table chat_message add column trace character large object;
