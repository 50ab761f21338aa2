-- an answer its asker stopped while it streamed (issue 58, item 4): the question and the
-- text streamed until then are kept, marked stopped (false for every answer before)
alter table chat_message add column stopped boolean default false not null;
-- when its user pinned a conversation (pinned ones come first in the list), null when not
alter table chat_session add column pinned_at timestamp with time zone;
