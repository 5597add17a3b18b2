-- Rows a transaction holds back and writes when it commits (events, timeline entries, workflows: write-behind) may
-- be referred to before they are written: a task names its event as soon as it opens, the event is written with the
-- others at the end. References to messages and events are therefore checked when the transaction commits.
do $$
declare
  fk record;
begin
  for fk in
    select conrelid::regclass as tbl, conname
      from pg_constraint
     where contype = 'f' and confrelid in ('message'::regclass, 'event'::regclass)
  loop
    execute format('alter table %s alter constraint %I deferrable initially deferred', fk.tbl, fk.conname);
  end loop;
end $$;
