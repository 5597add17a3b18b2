-- Seamline's system of state. Times are timestamptz (UTC instants); business dates are date; quantities and
-- amounts are numeric. Identifiers that partners see are text.

create table partner (
  id          text primary key,
  name        text not null,
  role        text not null check (role in ('SUPPLIER', 'CARRIER', 'FORWARDER', 'BROKER')),
  channels    jsonb not null default '[]',
  sla         jsonb not null default '{}',
  policy      jsonb not null default '{}',
  created_at  timestamptz not null,
  updated_at  timestamptz not null
);

-- A name belongs to one partner only: that is what makes identifying the sender of a message unambiguous.
create table partner_identifier (
  scheme      text not null,
  qualifier   text not null default '',
  value       text not null,
  partner_id  text not null references partner (id) on delete cascade,
  primary key (scheme, qualifier, value)
);
create index partner_identifier_partner on partner_identifier (partner_id);

create table purchase_order (
  po_number   text primary key,
  partner_id  text not null references partner (id),
  currency    char(3) not null,
  order_date  date not null,
  status      text not null,
  created_at  timestamptz not null,
  updated_at  timestamptz not null
);
create index purchase_order_partner_status on purchase_order (partner_id, status);

create table purchase_order_line (
  po_number          text not null references purchase_order (po_number) on delete cascade,
  line_number        text not null,
  position           int not null,
  item_id            text not null,
  partner_item_id    text,
  quantity           numeric(18, 4) not null check (quantity >= 0),
  unit               text not null,
  unit_price         numeric(18, 6) not null check (unit_price >= 0),
  need_by_date       date not null,
  promised_quantity  numeric(18, 4),
  promised_date      date,
  shipped_quantity   numeric(18, 4) not null default 0,
  received_quantity  numeric(18, 4) not null default 0,
  invoiced_quantity  numeric(18, 4) not null default 0,
  status             text not null,
  primary key (po_number, line_number)
);
create index purchase_order_line_partner_item on purchase_order_line (partner_item_id);

create table shipment (
  shipment_id                text primary key,
  carrier_id                 text not null references partner (id),
  bol                        text,
  pro                        text,
  container                  text,
  booking                    text,
  awb                        text,
  planned_delivery           date,
  estimated_delivery         timestamp,
  expected_freight_amount    numeric(18, 2),
  expected_freight_currency  char(3),
  status                     text not null,
  created_at                 timestamptz not null,
  updated_at                 timestamptz not null
);
create index shipment_carrier on shipment (carrier_id);
create index shipment_bol on shipment (bol) where bol is not null;
create index shipment_pro on shipment (pro) where pro is not null;
create index shipment_container on shipment (container) where container is not null;
create index shipment_booking on shipment (booking) where booking is not null;

create table shipment_purchase_order (
  shipment_id  text not null references shipment (shipment_id) on delete cascade,
  po_number    text not null references purchase_order (po_number),
  position     int not null,
  primary key (shipment_id, po_number)
);
create index shipment_purchase_order_po on shipment_purchase_order (po_number);

-- The archive: raw bytes first, before anything else looks at them.
create table message (
  id                    uuid primary key,
  direction             text not null check (direction in ('INBOUND', 'OUTBOUND')),
  channel               text not null,
  transport             text,
  format                text not null,
  partner_id            text references partner (id),
  status                text not null,
  status_reason         text,
  sha256                text not null,
  size_bytes            bigint not null,
  content               bytea not null,
  media_type            text,
  file_name             text,
  document_type         text,
  interchange_control   text,
  group_controls        text[] not null default '{}',
  set_controls          text[] not null default '{}',
  received_at           timestamptz not null,
  processed_at          timestamptz,
  related_message_id    uuid references message (id),
  ack_message_id        uuid references message (id)
);
create index message_partner_received on message (partner_id, received_at desc);
create index message_status on message (status, received_at);
create index message_sha256 on message (sha256);
create index message_interchange on message (partner_id, direction, interchange_control)
  where interchange_control is not null;

create table event (
  id           uuid primary key,
  seq          bigserial unique,
  type         text not null,
  subject      text,
  partner_id   text references partner (id),
  message_id   uuid references message (id),
  channel      text not null,
  time         timestamptz not null,
  cloud_event  jsonb not null
);
create index event_message on event (message_id);
create index event_subject on event (subject);

create table timeline_entry (
  id               bigserial primary key,
  subject          text not null,
  at               timestamptz not null,
  kind             text not null,
  summary          text not null,
  actor            text not null,
  details          jsonb not null default '{}',
  partner_visible  boolean not null default true,
  message_id       uuid references message (id),
  -- Steps that may run twice (reprocessing, redelivery) record themselves once under a step key.
  step_key         text unique
);
create index timeline_entry_subject on timeline_entry (subject, at, id);

create table task (
  id           uuid primary key,
  kind         text not null,
  subject      text not null,
  partner_id   text references partner (id),
  status       text not null,
  summary      text not null,
  context      jsonb not null default '{}',
  suggestions  jsonb not null default '[]',
  created_at   timestamptz not null,
  due_at       timestamptz,
  decision     text,
  decided_by   text,
  comment      text,
  decided_at   timestamptz,
  step_key     text unique
);
create index task_status_kind on task (status, kind, created_at);
create index task_subject on task (subject);

create table sla_expectation (
  id          uuid primary key,
  kind        text not null,
  subject     text not null,
  partner_id  text references partner (id),
  status      text not null,
  opened_at   timestamptz not null,
  warn_at     timestamptz,
  due_at      timestamptz not null,
  closed_at   timestamptz,
  reference   text,
  step_key    text unique
);
create index sla_expectation_open on sla_expectation (status, due_at);
create index sla_expectation_subject on sla_expectation (subject);

create table outbox (
  id               uuid primary key,
  message_id       uuid not null references message (id),
  partner_id       text references partner (id),
  channel          text not null,
  target           text not null,
  status           text not null,
  attempts         int not null default 0,
  next_attempt_at  timestamptz,
  last_error       text,
  created_at       timestamptz not null,
  delivered_at     timestamptz
);
create index outbox_due on outbox (status, next_attempt_at);

-- Control numbers we issue per partner and kind (interchange, group, set), never reused after a restart.
create table control_sequence (
  partner_id  text not null references partner (id),
  kind        text not null,
  last_value  bigint not null,
  primary key (partner_id, kind)
);
