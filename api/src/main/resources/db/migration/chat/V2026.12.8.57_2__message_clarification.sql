-- a question asked back (issue 57, item 2: its readings as buttons after a reload): what
-- it points at and the readings it offers, each with the number of the citation that
-- names it, as JSON ({"kind": "policy", "readings": [{"label": "Travel policy",
-- "source": 1}, ...]}), at most 3 readings (labels are parts of titles); null for every other message and for
-- questions asked back stored before
alter table chat_message add column clarification varchar(20000);
