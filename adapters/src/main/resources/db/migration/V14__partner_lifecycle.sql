-- Partner lifecycle (ONBOARDING -> TESTING -> LIVE, SUSPENDED) per partner, document type and direction.
-- A partner's own state holds for the document types it has no row for: partners that were here before this
-- migration are LIVE; a partner onboarded now starts ONBOARDING, with TESTING rows for the kinds of its channels.
alter table partner add column lifecycle text not null default 'LIVE'
  check (lifecycle in ('ONBOARDING', 'TESTING', 'LIVE', 'SUSPENDED'));
-- Production traffic of a kind that is not LIVE: processed as test (TEST) or refused (REFUSE).
alter table partner add column not_live text not null default 'TEST' check (not_live in ('TEST', 'REFUSE'));
-- The partner's own certification checklists (document type -> scenario names), over the defaults.
alter table partner add column checklists jsonb not null default '{}';

create table partner_document (
  partner_id     text not null references partner (id),
  direction      text not null check (direction in ('INBOUND', 'OUTBOUND')),
  document_type  text not null,
  state          text not null check (state in ('ONBOARDING', 'TESTING', 'LIVE', 'SUSPENDED')),
  reason         text,
  changed_by     text not null,
  changed_at     timestamptz not null,
  primary key (partner_id, direction, document_type)
);

-- What a partner's test documents showed, per scenario of a document type's checklist: the first document that
-- passed it (a scenario once passed stays passed), and the latest one that tried, with why it failed.
create table certification_result (
  partner_id         text not null references partner (id),
  direction          text not null check (direction in ('INBOUND', 'OUTBOUND')),
  document_type      text not null,
  scenario           text not null,
  passed_message_id  uuid,
  passed_at          timestamptz,
  last_message_id    uuid,
  last_at            timestamptz,
  last_passed        boolean,
  last_detail        text,
  primary key (partner_id, direction, document_type, scenario)
);

-- Test traffic: the message ran through the real pipeline with the recording side of the effects port; what it
-- would have done is kept with it.
alter table message add column test boolean not null default false;
alter table message add column would_have jsonb;

-- Test purchase orders, created by ops for a partner's certification: only test traffic reaches them.
alter table purchase_order add column test boolean not null default false;
