-- The audit trail: every change made by a person or a system account, append only. Who, when, from where (API,
-- PORTAL, SOAP, FILE, SYSTEM), what (kind and subject; before and after with secrets masked), why.
create table audit_entry (
  id          bigserial primary key,
  at          timestamptz not null,
  actor       text not null,
  via         text not null,
  kind        text not null,
  partner_id  text,
  subject     text,
  before      jsonb,
  after       jsonb,
  reason      text
);
create index audit_entry_at on audit_entry (at desc, id desc);
create index audit_entry_partner on audit_entry (partner_id, at desc);
create index audit_entry_actor on audit_entry (actor, at desc);
create index audit_entry_kind on audit_entry (kind, at desc);

-- Entries cannot be changed or deleted through the application (nor by anyone short of dropping this trigger).
create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'the audit trail is append-only: % of an audit entry refused', tg_op;
end;
$$;
create trigger audit_entry_append_only before update or delete on audit_entry
  for each row execute function audit_entry_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
  for each statement execute function audit_entry_append_only();
