-- Retention class messages: a message's row, kept after its bytes went as their tombstone, goes too once its events
-- and its timeline are gone, leaving one tombstone per partner and day (how many, their ids' and hashes' SHA-256).
-- Records name a message by its id, without a foreign key: what names a message after it went names its tombstone, and
-- the pipeline no longer checks (and locks) the message's row for each event, timeline entry, outbox row and
-- expectation it writes.
do $$
declare
  fk record;
begin
  for fk in
    select conrelid::regclass as tbl, conname
      from pg_constraint
     where contype = 'f' and confrelid = 'message'::regclass
  loop
    execute format('alter table %s drop constraint %I', fk.tbl, fk.conname);
  end loop;
end $$;

-- the rows whose bytes went, oldest first (the candidates of the class)
create index message_payload_gone on message (received_at) where payload_removed_at is not null;
-- tombstones older than the class, folded into one per kind, partner and day
create index tombstone_purged on tombstone using brin (purged_at);
