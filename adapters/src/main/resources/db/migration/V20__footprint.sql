-- Fewer bytes per document (issue 24, item 4).
--
-- A step key is a text of 60 to 120 characters ("<message>:<n>:correlation:po/4500012345:true") held in the row and
-- again in its unique index. What the key is for is only "was this step recorded already?", so the row now keeps the
-- key's MD5 as a uuid (16 bytes): the same answer, a quarter of the bytes, in the heap and in the index. Java computes
-- the same value (Columns.step). Converting rewrites these tables once.
alter table timeline_entry alter column step_key type uuid using md5(step_key)::uuid;
alter table sla_expectation alter column step_key type uuid using md5(step_key)::uuid;
alter table outbox alter column step_key type uuid using md5(step_key)::uuid;

-- What one transaction records of one message on one subject (it came, its events, what they matched, the response,
-- the write-back queued) is one row: the first entry in the columns, the others in folded (kind, summary, actor,
-- details, visible, microseconds after the row's time). Timelines gives every entry back as it was appended.
alter table timeline_entry add column folded jsonb;

-- A canonical event kept its CloudEvents attributes twice: in their columns and again in the envelope JSON (a third of
-- a 214 status's ~1 KB). New rows keep the attributes in columns (source is new) and data alone; rows written before
-- keep the whole envelope in cloud_event and are read as they are.
alter table event add column source text;
alter table event add column data jsonb;
alter table event alter column cloud_event drop not null;
alter table event add constraint event_data_somewhere check (cloud_event is not null or (data is not null and source is not null));

-- A blob's key is the SHA-256 of its bytes, which the row holds already (indexed): retention asks "does a message still
-- name this blob?" through that index, and the second index on the same 64 characters goes.
drop index message_blob_key;

-- Most expectations are met; only open ones are looked for by deadline, and by what they wait for (our message a 997
-- answers: that lookup had no index).
drop index sla_expectation_open;
create index sla_expectation_open on sla_expectation (due_at) where status = 'OPEN';
create index sla_expectation_awaited on sla_expectation (kind, reference)
  where status in ('OPEN', 'BREACHED') and reference is not null;
create index sla_expectation_breached on sla_expectation (partner_id, kind, breached_at)
  where status in ('BREACHED', 'LATE');

-- A message's SHA-256 is only ever looked up by equality (the same bytes again; does a message still name this blob):
-- a hash index keeps 4 bytes per row where the B-tree kept the 64 characters (the largest index of the table).
drop index message_sha256;
create index message_sha256 on message using hash (sha256);

-- Retention of met SLA expectations (the class "expectations"): found by when they opened through a BRIN index, a few
-- pages for the whole table; the timeline's entries by their time the same way.
create index sla_expectation_opened on sla_expectation using brin (opened_at);
create index timeline_entry_at on timeline_entry using brin (at);

-- A deduction that is proposed, approved or disputed still needs its subject's records (the evidence of a dispute):
-- retention keeps that subject's timeline, tasks and expectations until it is settled.
create or replace function subject_needed(subject text) returns boolean language sql stable as $$
  select exists (select 1 from legal_hold h where h.lifted_at is null
                   and (h.subject = subject_needed.subject or h.subject = 'partner/' || subject_partner(subject_needed.subject)))
      or exists (select 1 from task t where t.status = 'OPEN' and t.subject = subject_needed.subject)
      or exists (select 1 from sla_expectation x where x.status in ('OPEN', 'BREACHED')
                   and x.subject = subject_needed.subject)
      or exists (select 1 from deduction d where d.status in ('PROPOSED', 'APPROVED', 'DISPUTED')
                   and d.subject = subject_needed.subject)
$$;
create index deduction_open_subject on deduction (subject) where status in ('PROPOSED', 'APPROVED', 'DISPUTED');

-- What a message led to (GET /messages/{id}) read every timeline row to find the message's: an index on it, a hash
-- (equality only, 4 bytes a row).
create index timeline_entry_message on timeline_entry using hash (message_id) where message_id is not null;

-- A PO line is updated by almost every document about it (committed, shipped, invoiced, received: ~4 times on the
-- benchmark load) and none of those updates changes an indexed column. With a fifth of each page left free, the new
-- version fits in the same page (a HOT update: no new index entries, less WAL); 58 % of them did before.
alter table purchase_order_line set (fillfactor = 80);
