-- API requests sent with an Idempotency-Key: the first answer is kept and given again for the same key and request.
create table idempotent_request (
  owner         text not null,
  key           text not null,
  request_hash  text not null,
  status        int,
  media_type    text,
  headers       jsonb not null default '{}',
  body          bytea,
  created_at    timestamptz not null,
  primary key (owner, key)
);
create index idempotent_request_created on idempotent_request (created_at);
