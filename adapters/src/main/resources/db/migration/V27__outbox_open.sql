-- A delivery not yet delivered (PENDING, or FAILED for good until someone retries it) is also a row of outbox_open,
-- with its status and next attempt: senders claim from it, and failed deliveries are found in it. No index of outbox
-- names a delivery's status any more, so the update that records a delivery stays on its row's page (HOT) instead of
-- writing a new entry in each of outbox's indexes, as a message's status change does since V21 (message_waiting).
create table outbox_open (
  delivery_id uuid primary key,
  status text not null,
  next_attempt_at timestamptz
);
create index outbox_open_due on outbox_open (next_attempt_at, delivery_id) where status = 'PENDING';
insert into outbox_open (delivery_id, status, next_attempt_at)
  select id, status, case when status = 'PENDING' then coalesce(next_attempt_at, created_at) else next_attempt_at end
  from outbox where status <> 'DELIVERED';
drop index outbox_due;
-- room on each page for a row's next version
alter table outbox set (fillfactor = 90);
