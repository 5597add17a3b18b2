-- SLA ledger: every obligation an expectation with a deadline; warnings, breaches and escalations happen once each
-- (a conditional update decides which node raises them), and late fulfilment is kept apart from on-time.
alter table sla_expectation add column warned_at timestamptz;
alter table sla_expectation add column breached_at timestamptz;
alter table sla_expectation add column escalate_at timestamptz;
alter table sla_expectation add column escalated_at timestamptz;
alter table sla_expectation add column opened_by uuid references message (id);
alter table sla_expectation add column fulfilled_by uuid references message (id);
create index sla_expectation_warn on sla_expectation (warn_at) where status = 'OPEN' and warned_at is null;
create index sla_expectation_escalate on sla_expectation (escalate_at) where status = 'BREACHED' and escalated_at is null;
create index sla_expectation_partner on sla_expectation (partner_id, kind, opened_at);

-- When a shipment was delivered (for OTIF).
alter table shipment add column delivered_at timestamptz;
