-- a conversation's title, as its user named it (issue 24: rename in the console's list)
alter table chat_session add column title varchar(200);
