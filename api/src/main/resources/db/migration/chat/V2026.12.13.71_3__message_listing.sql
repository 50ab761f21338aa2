-- a question about the whole scope (issue 71: "which contracts ...", "how many ...",
-- "list all ...", "the notice period of each ..."): every document that says it, as JSON
-- ({"asks": "which", "says": "a termination fee", "count": 14, "scanned": 2310,
-- "truncated": false, "items": [{"documentId": ..., "page": 3, "quote": ..., ...}]});
-- null for every other answer
alter table chat_message add column listing character large object;
