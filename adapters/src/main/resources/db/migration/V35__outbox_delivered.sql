-- A delivery that goes through no longer rewrites its outbox row (issue 24, item 4). By the time it is delivered
-- (~0.5 s after it was queued) its page is full, so the new version of the ~300-byte row left the page most of the
-- time, with a new entry in each of the outbox's indexes. What a delivery adds is when and after how many attempts:
-- a narrow row of its own, inserted once. The outbox row keeps what was queued (and what failures recorded).
create table outbox_delivered (
  delivery_id  uuid primary key,
  delivered_at timestamptz not null,
  attempts     integer not null
);

-- A delivery as it stands: delivered once outbox_delivered says so (rows delivered before V35 say it themselves).
-- Readers read this; writers write outbox, outbox_open and outbox_delivered.
create view outbox_now as
select o.id, o.message_id, o.partner_id, o.channel, o.target,
       case when d.delivery_id is not null then 'DELIVERED' else o.status end as status,
       coalesce(d.attempts, o.attempts) as attempts,
       case when d.delivery_id is null then o.next_attempt_at end as next_attempt_at,
       case when d.delivery_id is null then o.last_error end as last_error,
       o.created_at,
       coalesce(d.delivered_at, o.delivered_at) as delivered_at,
       o.step_key, o.subject, o.blob_key, o.size_bytes, o.media_type, o.file_name, o.document_type,
       o.cause_message_id
  from outbox o left join outbox_delivered d on d.delivery_id = o.id;
