-- An event's run through its workflow is kept on the event's row: which document it was, when it started, when it
-- finished and how (V2 kept it as a row of its own, with two indexes: ~0.6 KB a document). The partner is the event's.
alter table event
  add column workflow_document_type text,
  add column workflow_started_at timestamptz,
  add column workflow_completed_at timestamptz,
  add column workflow_outcome text;
update event e set workflow_document_type = w.document_type, workflow_started_at = w.started_at,
    workflow_completed_at = w.completed_at, workflow_outcome = w.outcome
  from workflow w where w.event_id = e.id;
drop table workflow;
-- the autonomy rate reads the workflows started in a period; rows come in about in that order
create index event_workflow_started on event using brin (workflow_started_at);
