-- Raw bytes live in the blob store (seamline.blobs: a folder or S3), named by their SHA-256: a message row written
-- from now on holds blob_key and no content. Rows written before keep their content until the blob migration
-- (BlobMigration, online, in small batches) stores it as a blob and empties the column.
alter table message alter column content drop not null;
alter table message add column blob_key text;
create index message_content_in_row on message (received_at) where content is not null;
create index message_blob_key on message (blob_key) where blob_key is not null;

-- Retention and erasure may remove a message's raw bytes; the row stays as their tombstone: id, SHA-256, size and
-- dates, with when and by which rule (retention:<class>) or erasure (erasure:<id>) the bytes went.
alter table message add column payload_removed_at timestamptz;
alter table message add column payload_removed_by text;
alter table message add constraint message_bytes_somewhere
  check (content is not null or blob_key is not null or payload_removed_at is not null);
create index message_payload_kept on message (received_at) where payload_removed_at is null;

-- Blobs no row names any more, deleted by the next retention run once no message names them again; a message that
-- stores the same bytes meanwhile keeps them (see Messages: the shared lock on the key).
create table blob_garbage (
  blob_key  text primary key,
  since     timestamptz not null
);

-- Legal holds: while one is in force on a partner, a PO, a shipment or a message, retention removes nothing of it.
create table legal_hold (
  id           uuid primary key,
  subject      text not null check (subject ~ '^(po|shipment|partner|message)/.+$'),
  reason       text not null,
  set_by       text not null,
  set_at       timestamptz not null,
  lifted_by    text,
  lifted_at    timestamptz,
  lift_reason  text
);
create index legal_hold_in_force on legal_hold (subject) where lifted_at is null;

-- What retention removed besides raw bytes (timeline entries, tasks, events), so that nothing points at nothing:
-- what it was (kind, id, subject, partner, a hash of what was removed), when it was made, when and why it went.
create table tombstone (
  id          bigserial primary key,
  kind        text not null,
  record_id   text not null,
  subject     text,
  partner_id  text,
  sha256      text,
  created_at  timestamptz,
  purged_at   timestamptz not null,
  rule        text not null,
  purged_by   text not null,
  count       integer not null default 1
);
create index tombstone_subject on tombstone (subject, purged_at);
create index tombstone_record on tombstone (kind, record_id);

-- Erasures of a person's data: the value itself is not kept (only its SHA-256 and a masked hint), what was redacted is.
create table erasure (
  id            uuid primary key,
  field         text not null check (field in ('email', 'name')),
  value_sha256  text not null,
  hint          text not null,
  reason        text not null,
  requested_by  text not null,
  at            timestamptz not null,
  counts        jsonb not null
);

-- What a message is about, for holds and protections: its own subject, the subjects of its events, the POs and
-- shipment of the invoices it carried, itself and its partner.
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

-- Whether something still needs a message's records: a legal hold on anything it is about, an open task or an open
-- SLA expectation about it, an invoice it carried that is not settled (received, or in exception: a dispute).
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

-- The partner a subject belongs to: a PO's supplier, a shipment's carrier, a partner itself.
create function subject_partner(subject text) returns text language sql stable as $$
  select case
    when subject like 'po/%' then (select p.partner_id from purchase_order p where p.po_number = substring(subject from 4))
    when subject like 'shipment/%' then (select s.carrier_id from shipment s where s.shipment_id = substring(subject from 10))
    when subject like 'partner/%' then substring(subject from 9)
  end
$$;

-- Whether something still needs a subject's records (its timeline, its tasks): a hold on it or on its partner, an
-- open task or an open SLA expectation about it.
create function subject_needed(subject text) returns boolean language sql stable as $$
  select exists (select 1 from legal_hold h where h.lifted_at is null
                   and (h.subject = subject_needed.subject or h.subject = 'partner/' || subject_partner(subject_needed.subject)))
      or exists (select 1 from task t where t.status = 'OPEN' and t.subject = subject_needed.subject)
      or exists (select 1 from sla_expectation x where x.status in ('OPEN', 'BREACHED')
                   and x.subject = subject_needed.subject)
$$;

-- The audit trail stays append-only, but for an erasure: inside a transaction that says so (seamline.erasure = on), a
-- person's data in an entry (its actor, before, after, reason) may be replaced by a redaction marker; when, how and
-- what kind of change stay as they were.
create or replace function audit_entry_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and current_setting('seamline.erasure', true) = 'on'
     and new.id = old.id and new.at = old.at and new.via = old.via and new.kind = old.kind
     and new.partner_id is not distinct from old.partner_id and new.subject is not distinct from old.subject then
    return new;
  end if;
  raise exception 'the audit trail is append-only: % of an audit entry refused', tg_op;
end;
$$;

-- Bulk operations: reprocess, resend or retry what a filter selects, in the background, with progress; cancellable.
create table job (
  id                uuid primary key,
  kind              text not null check (kind in ('REPROCESS', 'RESEND', 'RETRY')),
  filter            jsonb not null,
  options           jsonb not null default '{}',
  status            text not null check (status in ('RUNNING', 'DONE', 'CANCELLED', 'FAILED')),
  total             integer not null,
  done              integer not null default 0,
  failed            integer not null default 0,
  errors            jsonb not null default '[]',
  started_by        text not null,
  started_at        timestamptz not null,
  finished_at       timestamptz,
  cancel_requested  boolean not null default false
);
create index job_started on job (started_at desc);

-- Ops alerts: internal subscriptions (no partner) to operational events, posted like partner webhooks (signed, same
-- target guard, same retries), as Seamline's JSON or as a Slack-compatible message ({"text": …}).
alter table webhook_subscription alter column partner_id drop not null;
alter table webhook_subscription add column format text not null default 'SEAMLINE'
  check (format in ('SEAMLINE', 'SLACK'));
create index webhook_subscription_internal on webhook_subscription (created_at) where active and partner_id is null;
