-- the passages an answer was built from (issue 47: the console's sources panel), as JSON:
-- at most 20, each with a snippet of at most 300 characters; null for the question and
-- for answers stored before
alter table chat_message add column passages varchar(100000);
