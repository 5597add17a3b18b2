-- Internal SLA alerts (warnings, breaches, escalations) to the team's mail addresses and webhook. One row per
-- expectation, alert kind and target: raising the same alert twice, from any node, is a no-op.
create table sla_alert (
  id               uuid primary key,
  expectation_id   uuid not null references sla_expectation (id),
  kind             text not null check (kind in ('WARNING', 'BREACH', 'ESCALATION')),
  channel          text not null check (channel in ('EMAIL', 'WEBHOOK')),
  target           text not null,
  status           text not null check (status in ('PENDING', 'SENT', 'FAILED')),
  attempts         int not null default 0,
  next_attempt_at  timestamptz not null,
  last_error       text,
  media_type       text not null,
  content          bytea not null,
  created_at       timestamptz not null,
  sent_at          timestamptz,
  unique (expectation_id, kind, channel, target)
);
create index sla_alert_due on sla_alert (next_attempt_at) where status = 'PENDING';

-- When the ERP asked the supplier to acknowledge a PO (the 855's deadline, when the ERP names one).
alter table purchase_order add column acknowledge_by timestamptz;
