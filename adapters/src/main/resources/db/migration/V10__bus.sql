-- seamline.bus=kafka. Records to publish are written in the transaction that decided them (a transactional outbox)
-- and relayed to Kafka after it commits; what a consumer could not take is parked with the reason.
create table bus_outbox (
  id          bigserial primary key,
  topic       text not null,
  record_key  text,
  payload     text not null,
  created_at  timestamptz not null
);

create table bus_parked (
  id             bigserial primary key,
  topic          text not null,
  partition      int,
  record_offset  bigint,
  record_key     text,
  payload        text,
  reason         text not null,
  parked_at      timestamptz not null,
  unique (topic, partition, record_offset)
);
