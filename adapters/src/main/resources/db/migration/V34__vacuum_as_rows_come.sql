-- The month partitions of message, event and timeline_entry take rows all month and change few (issue 24, item 4).
-- Autovacuum's default waits for a fifth of a table's rows to be new before it visits (1,000 + 20 % of its rows), so
-- a month partition of millions of rows is visited hours after its pages were written: by then a checkpoint has passed,
-- and setting each page's hint bits and its all-visible bit writes the whole page to the WAL again (data checksums are
-- on). Visited every 10,000 new rows, pages are mostly still within the checkpoint they were written in. New month
-- partitions take the storage parameters of their table's default partition (month_partition, V25).
do $$
declare
  child regclass;
begin
  for child in
    select i.inhrelid::regclass from pg_inherits i
    where i.inhparent in ('message'::regclass, 'event'::regclass, 'timeline_entry'::regclass)
  loop
    execute format('alter table %s set (autovacuum_vacuum_insert_scale_factor = 0,'
      || ' autovacuum_vacuum_insert_threshold = 10000)', child);
  end loop;
end $$;
