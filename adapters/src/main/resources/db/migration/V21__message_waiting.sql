-- A message's status on no index of message, so that its status changes (RECEIVED to PROCESSED, QUEUED to DELIVERED)
-- stay on the row's page and write no index entry (HOT updates: every change of an indexed column writes a new entry in
-- each of the table's eight indexes). What the status index served, finding the inbound messages still waiting after a
-- crash, is this small table: a row per inbound message from when it is received until its processing ends.
create table message_waiting (
  message_id   uuid primary key,
  received_at  timestamptz not null
);
insert into message_waiting (message_id, received_at)
  select id, received_at from message where status = 'RECEIVED' and direction = 'INBOUND';
drop index message_status;
-- room on each page for the row's next version (a status change comes seconds after the insert)
alter table message set (fillfactor = 90);
