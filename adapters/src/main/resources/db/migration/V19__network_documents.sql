-- Issue 23: what arrived (the ERP's goods receipts), what was paid (remittances) and what we deduct (chargebacks
-- and short receipts, with their evidence and the partner's dispute).

-- A goods receipt from the ERP, applied once per receipt id; its lines feed received quantities and OTIF.
create table goods_receipt (
  receipt_id   text primary key,
  po_number    text not null references purchase_order (po_number),
  partner_id   text not null references partner (id),
  shipment_id  text,
  received_at  timestamptz not null,
  created_at   timestamptz not null
);
create index goods_receipt_po on goods_receipt (po_number);

create table goods_receipt_line (
  receipt_id         text not null references goods_receipt (receipt_id),
  po_number          text not null,
  line_number        text not null,
  received_at        timestamptz not null,
  quantity           numeric(18, 4) not null,
  rejected_quantity  numeric(18, 4) not null default 0,
  reason             text,
  primary key (receipt_id, line_number)
);
create index goods_receipt_line_po on goods_receipt_line (po_number, line_number);

-- What the ERP paid a partner, per invoice with its deductions; the remittance advice is sent once.
create table payment (
  payment_id         text primary key,
  partner_id         text not null references partner (id),
  paid_at            date not null,
  currency           char(3) not null,
  amount             numeric(18, 2) not null,
  invoices           jsonb not null,
  advice_message_id  uuid,
  created_at         timestamptz not null
);
create index payment_partner on payment (partner_id, paid_at desc);

-- A deduction the gateway proposes (a chargeback for a breached SLA, a short receipt), decided by a person, sent to
-- the partner with a reference to its evidence, and disputed by the partner.
create table deduction (
  id               uuid primary key,
  number           text not null unique,
  partner_id       text not null references partner (id),
  subject          text not null,
  reason_code      text not null,
  reason           text not null,
  amount           numeric(18, 2) not null,
  currency         char(3) not null,
  status           text not null
    check (status in ('PROPOSED', 'APPROVED', 'WITHDRAWN', 'DISPUTED', 'UPHELD', 'REVERSED')),
  evidence         jsonb not null,
  step_key         text not null unique,
  sent_message_id  uuid,
  dispute_reason   text,
  disputed_at      timestamptz,
  created_at       timestamptz not null,
  updated_at       timestamptz not null
);
create index deduction_partner on deduction (partner_id, created_at desc);

-- A booking we asked a forwarder or ocean carrier for (300 / IFTMIN) on the ERP's route, and its answer (301 /
-- IFTMBC): the confirmation's details are kept as sent.
create table booking_request (
  shipment_id        text primary key references shipment (shipment_id),
  forwarder_id       text not null references partner (id),
  port_of_loading    text,
  port_of_discharge  text,
  planned_departure  date,
  status             text not null check (status in ('REQUESTED', 'CONFIRMED', 'CHANGED', 'DECLINED')),
  booking_number     text,
  answer             jsonb,
  answered_by        uuid,
  requested_at       timestamptz not null,
  answered_at        timestamptz
);
