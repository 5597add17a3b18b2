-- AS2: the certificates partners sign with and we encrypt to (several at once during a rollover), and every AS2
-- exchange in both directions with its MIC and MDN (duplicates by Message-ID, MDNs matched to what they answer).
create table partner_certificate (
  id           uuid primary key,
  partner_id   text not null references partner (id),
  fingerprint  text not null,
  subject      text not null,
  not_before   timestamptz not null,
  not_after    timestamptz not null,
  pem          text not null,
  added_at     timestamptz not null,
  removed_at   timestamptz,
  unique (partner_id, fingerprint)
);
create index partner_certificate_partner on partner_certificate (partner_id) where removed_at is null;

create table as2_exchange (
  partner_id      text not null references partner (id),
  direction       text not null check (direction in ('INBOUND', 'OUTBOUND')),
  as2_message_id  text not null,
  message_id      uuid references message (id),
  mic             text,
  mdn_mode        text not null check (mdn_mode in ('SYNC', 'ASYNC', 'NONE')),
  mdn_message_id  uuid references message (id),
  disposition     text,
  created_at      timestamptz not null,
  mdn_at          timestamptz,
  primary key (partner_id, direction, as2_message_id)
);
create index as2_exchange_message on as2_exchange (message_id);
