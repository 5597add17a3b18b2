-- The partner message pipeline: what it correlates, decides and answers, and how each step stays once-only.

-- A supplier's ASN can announce a shipment before anyone knows its carrier.
alter table shipment alter column carrier_id drop not null;
alter table shipment add column ship_date date;
-- Who advised the shipment (the supplier of an ASN), so the supplier sees it too.
alter table shipment add column supplier_id text references partner (id);

-- Optional ERP item category: policies can be overridden per category.
alter table purchase_order_line add column category text;

-- What each shipment carries, per PO line; a PO line's shipped quantity is the sum over its shipments.
create table shipment_line (
  shipment_id  text not null references shipment (shipment_id) on delete cascade,
  po_number    text not null,
  line_number  text not null,
  quantity     numeric(18, 4) not null check (quantity >= 0),
  unit         text,
  primary key (shipment_id, po_number, line_number),
  foreign key (po_number, line_number) references purchase_order_line (po_number, line_number)
);
create index shipment_line_po on shipment_line (po_number, line_number);

-- Outbound messages produced by a step (an acknowledgement, an 860) are produced once per step.
alter table message add column step_key text unique;

alter table outbox add column step_key text unique;
-- What the delivery is about (po/…, shipment/…), for the DELIVERY entry on its timeline.
alter table outbox add column subject text;

-- Interchanges received per sender and control number: the second one with the same pair is a duplicate.
create table inbound_interchange (
  partner_id      text not null references partner (id),
  control_number  text not null,
  message_id      uuid not null references message (id),
  ack_message_id  uuid references message (id),
  primary key (partner_id, control_number)
);

-- The task a canonical event led to, so the event's workflow knows when it is finished and whether a person acted.
alter table task add column event_id uuid references event (id);
create index task_event on task (event_id);

-- One workflow per partner event: finished when no task of it is open; autonomous when no person decided.
create table workflow (
  event_id       uuid primary key references event (id),
  partner_id     text references partner (id),
  document_type  text not null,
  subject        text,
  started_at     timestamptz not null,
  completed_at   timestamptz,
  outcome        text
);
create index workflow_started on workflow (started_at);

create table invoice (
  partner_id      text not null references partner (id),
  invoice_number  text not null,
  kind            text not null check (kind in ('GOODS', 'FREIGHT')),
  invoice_date    date,
  currency        char(3),
  total           numeric(18, 2),
  status          text not null,
  shipment_id     text references shipment (shipment_id),
  po_numbers      text[] not null default '{}',
  event_id        uuid references event (id),
  created_at      timestamptz not null,
  updated_at      timestamptz not null,
  primary key (partner_id, invoice_number)
);

-- Effects that are not idempotent by nature (adding an invoiced quantity) run once per step key.
create table applied_step (
  step_key  text primary key,
  at        timestamptz not null
);

-- What the channel said a message is about (the PO in the URL of an API commitment), when the bytes do not say it.
alter table message add column subject text;
