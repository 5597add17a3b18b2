-- An event's data is written by the gateway as packed JSON (raw deflate with a dictionary of the canonical events'
-- own words, behind a version byte: PackedJson) in data_packed, as a timeline row's folded entries are since V30. No
-- SQL reads into it (the erasure reads packed values in the gateway; retention's tombstone hashes what is stored). As
-- jsonb each row cost PostgreSQL a parse, and rows under 2 KB (nearly all) were not compressed at all. Rows written
-- before keep data and are read as before.
alter table event add column data_packed bytea;
alter table event alter column data_packed set storage main;
alter table event drop constraint event_data_somewhere;
alter table event add constraint event_data_somewhere check (cloud_event is not null
  or ((data is not null or data_packed is not null) and (source is not null or message_id is not null))) not valid;
-- not valid for the same reason as in V28: V32 validates it without blocking writes
