-- Time partitions (issue 24, item 4): message, event and timeline_entry are partitioned by month (UTC) on the time
-- each row is filed under: a message's received_at, an event's time (its message's received_at, so a reprocessed
-- message's events land where the first ones did) and a timeline entry's at. Retention still decides row by row (a
-- legal hold, an open task, a partner's own rule keep single rows of an old month), and drops a month's partition once
-- nothing is left in it: its files go at once, with no dead rows for vacuum. A partition per month ahead is created by
-- month_partition (Partitions, on every node every hour); a row outside every month goes to the table's default
-- partition, and moves into its month's when that is created.
--
-- PostgreSQL enforces uniqueness on a partitioned table only with the partition key in the index, so:
-- - an event stays unique on (id, time): both derive from its message, a second write of the same event meets the first;
-- - a message's and a timeline row's step ("was this step recorded already?") is no longer a unique index but a lookup
--   across the partitions under a transaction lock on the step (Messages, Timelines);
-- - nothing refers to an event with a foreign key any more (a task's, an invoice's event_id), as nothing has referred to
--   a message since V23; retention clears those ids before an event goes.
-- Converting copies the three tables once.

-- The partition of the month of at (UTC) of a table partitioned by time, created when missing: like its parent, with
-- the storage parameters of its default partition, and with the rows the default partition took for that month moved
-- into it. Returns whether it was created.
create function month_partition(parent text, at timestamptz) returns boolean language plpgsql as $$
declare
  lo timestamptz := date_trunc('month', at, 'UTC');
  hi timestamptz := ((lo at time zone 'UTC') + interval '1 month') at time zone 'UTC';
  name text := parent || '_' || to_char(lo at time zone 'UTC', 'YYYY_MM');
  fallback text := parent || '_default';
  key text;
  options text;
begin
  perform pg_advisory_xact_lock(hashtextextended('month_partition:' || parent, 0));
  if to_regclass(name) is not null then
    return false;
  end if;
  select a.attname into key from pg_partitioned_table p
    join pg_attribute a on a.attrelid = p.partrelid and a.attnum = p.partattrs[0]
    where p.partrelid = parent::regclass;
  select coalesce(' with (' || array_to_string(c.reloptions, ', ') || ')', '') into options
    from pg_class c where c.oid = fallback::regclass;
  begin
    execute format('create table %I (like %I including defaults including constraints including storage)%s',
      name, parent, options);
  exception when duplicate_table then
    -- another node created it a moment ago
    return false;
  end;
  execute format('with moved as (delete from %I where %I >= $1 and %I < $2 returning *) insert into %I select * from moved',
    fallback, key, key, name) using lo, hi;
  -- takes no lock that stops writes to the other partitions
  execute format('alter table %I attach partition %I for values from (%L) to (%L)', parent, name, lo, hi);
  return true;
end $$;

-- Drops the month partitions of a table that ended at or before a time and hold no row; returns their names. A
-- partition goes under an exclusive lock on its parent, waited for two seconds at most: what could not go then goes at
-- the next run. Run it in a transaction of its own (the lock timeout holds until it ends).
create function drop_empty_month_partitions(parent text, before timestamptz) returns setof text language plpgsql as $$
declare
  child text;
  empty boolean;
begin
  for child in
    select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where i.inhparent = parent::regclass and c.relname ~ ('^' || parent || '_[0-9]{4}_[0-9]{2}$')
        and ((to_date(right(c.relname, 7), 'YYYY_MM')::timestamp + interval '1 month') at time zone 'UTC') <= before
      order by c.relname
  loop
    execute format('select not exists (select 1 from %I)', child) into empty;
    continue when not empty;
    begin
      perform set_config('lock_timeout', '2s', true);
      execute format('lock table %I in access exclusive mode', parent);
      -- nothing can be written into it now
      execute format('select not exists (select 1 from %I)', child) into empty;
      if empty then
        execute format('drop table %I', child);
        return next child;
      end if;
    exception when lock_not_available then
      return;
    end;
  end loop;
end $$;

-- The tables as they were, under another name until their rows are copied.
alter table message rename to message_v24;
alter table event rename to event_v24;
alter table timeline_entry rename to timeline_entry_v24;
alter table task drop constraint task_event_id_fkey;
alter table invoice drop constraint invoice_event_id_fkey;
-- they take a message row: created again below for the new table
drop function message_needed(message_v24);
drop function message_subjects(message_v24);

create table message (like message_v24 including defaults including constraints including storage)
  partition by range (received_at);
create table event (like event_v24 including defaults including constraints including storage)
  partition by range (time);
create table timeline_entry (like timeline_entry_v24 including defaults including constraints including storage)
  partition by range (at);
alter sequence event_seq_seq owned by event.seq;
alter sequence timeline_entry_id_seq owned by timeline_entry.id;

-- the default partitions; a message's partitions keep room on each page for a row's next version (V21)
create table message_default (like message including defaults including constraints including storage)
  with (fillfactor = 90);
alter table message attach partition message_default default;
create table event_default (like event including defaults including constraints including storage);
alter table event attach partition event_default default;
create table timeline_entry_default (like timeline_entry including defaults including constraints including storage);
alter table timeline_entry attach partition timeline_entry_default default;

-- a partition for every month from the oldest row to two months ahead
select month_partition(t.parent, m)
  from (values ('message', (select min(received_at) from message_v24)),
               ('event', (select min(time) from event_v24)),
               ('timeline_entry', (select min(at) from timeline_entry_v24))) as t(parent, oldest),
       generate_series(date_trunc('month', least(coalesce(t.oldest, now()), now()), 'UTC'),
                       now() + interval '2 months', interval '1 month') m;

insert into message select * from message_v24;
insert into event select * from event_v24;
insert into timeline_entry select * from timeline_entry_v24;
drop table message_v24;
drop table event_v24;
drop table timeline_entry_v24;

alter table message add primary key (id, received_at);
alter table message add foreign key (partner_id) references partner (id);
create index message_partner_received on message (partner_id, received_at desc);
create index message_interchange on message (partner_id, direction, interchange_control)
  where interchange_control is not null;
create index message_sha256 on message using hash (sha256);
create index message_step on message (step) where step is not null;
create index message_subject on message (subject) where subject is not null;
create index message_external on message (channel, external_id) where external_id is not null;
create index message_content_in_row on message (received_at) where content is not null;
create index message_payload_kept on message (received_at) where payload_removed_at is null;
create index message_payload_gone on message (received_at) where payload_removed_at is not null;

-- seq orders a message's or a subject's few events; it needs no index of its own (its unique one went)
alter table event add primary key (id, time);
alter table event add foreign key (partner_id) references partner (id);
create index event_message on event (message_id);
create index event_subject on event (subject);
create index event_workflow_started on event using brin (workflow_started_at);

alter table timeline_entry add primary key (id, at);
create index timeline_entry_subject on timeline_entry (subject, at, id);
create index timeline_entry_step on timeline_entry (step_key) where step_key is not null;
create index timeline_entry_message on timeline_entry using hash (message_id) where message_id is not null;
create index timeline_entry_at on timeline_entry using brin (at);

-- as in V18
create function message_subjects(m message) returns text[] language sql stable as $$
  select coalesce(array_agg(distinct s) filter (where s is not null), '{}') from (
    select m.subject as s
    union all select 'message/' || m.id
    union all select 'partner/' || m.partner_id
    union all select e.subject from event e where e.message_id = m.id
    union all select 'po/' || p from event e join invoice i on i.event_id = e.id, unnest(i.po_numbers) p
      where e.message_id = m.id
    union all select 'shipment/' || i.shipment_id from event e join invoice i on i.event_id = e.id
      where e.message_id = m.id
  ) subjects
$$;

create function message_needed(m message) returns boolean language sql stable as $$
  select exists (select 1 from legal_hold h where h.lifted_at is null and h.subject = any (message_subjects(m)))
      or exists (select 1 from task t where t.status = 'OPEN'
                   and (t.subject = any (message_subjects(m))
                        or t.event_id in (select e.id from event e where e.message_id = m.id)))
      or exists (select 1 from sla_expectation x where x.status in ('OPEN', 'BREACHED')
                   and (x.opened_by = m.id or x.subject = any (message_subjects(m))))
      or exists (select 1 from invoice i join event e on e.id = i.event_id
                   where e.message_id = m.id and i.status in ('RECEIVED', 'EXCEPTION'))
$$;
