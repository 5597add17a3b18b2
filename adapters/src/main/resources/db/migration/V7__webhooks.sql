-- Partners' webhook subscriptions: events about their own objects, signed with the subscription's secret.
create table webhook_subscription (
  id           uuid primary key,
  partner_id   text not null references partner (id),
  url          text not null,
  event_types  text[] not null,
  secret       text not null,
  active       boolean not null default true,
  created_at   timestamptz not null
);
create index webhook_subscription_partner on webhook_subscription (partner_id) where active;

-- One delivery per subscription and event; retried with backoff, then DEAD (visible to ops, replayable).
create table webhook_delivery (
  id               uuid primary key,
  subscription_id  uuid not null references webhook_subscription (id) on delete cascade,
  event_id         text not null,
  event_type       text not null,
  payload          bytea not null,
  status           text not null check (status in ('PENDING', 'DELIVERED', 'DEAD')),
  attempts         int not null default 0,
  next_attempt_at  timestamptz,
  last_error       text,
  created_at       timestamptz not null,
  delivered_at     timestamptz,
  unique (subscription_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_dead on webhook_delivery (created_at) where status = 'DEAD';
