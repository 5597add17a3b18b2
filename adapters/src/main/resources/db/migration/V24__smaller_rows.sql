-- A timeline row with a message's receipt folded in (its events, matches, decisions inside tolerance, acknowledgement)
-- is 2-3 KB once compressed: over the 2 KB threshold, PostgreSQL moved it out of line (a TOAST row, its index entry and
-- a pointer: 13 MB of the 276 MB of WAL on the benchmark load). Compressed, it stays in the row unless the row would
-- not fit a page.
alter table timeline_entry alter column details set storage main, alter column folded set storage main;

-- A message is archived once per step: the step key (60-120 characters) is unique through its MD5, as in the timeline,
-- the expectations and the outbox (16 bytes an entry instead of ~70); the key itself stays in the row.
alter table message add column step uuid;
update message set step = md5(step_key)::uuid where step_key is not null;
create unique index message_step on message (step);
alter table message drop constraint message_step_key_key;
