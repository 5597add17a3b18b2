-- A delivery that went through is recorded by its outbox row alone (issue 24, item 4): the timeline reads it from
-- there (Timelines.DELIVERED: when, after how many attempts, by which channel, to which address), so no timeline row
-- repeats it. Its entry is found by the delivery's subject, and for a document its delivery holds (an ERP write-back),
-- by the message that caused it.
create index outbox_subject on outbox (subject) where subject is not null;
create index outbox_cause on outbox (cause_message_id) where cause_message_id is not null;

-- The rows that only repeated a delivered outbox row go; the timeline shows the row itself instead. A row whose
-- delivery is no longer in the outbox (gone with its message under retention) stays.
delete from timeline_entry t
 using outbox o
 where o.status = 'DELIVERED'
   and t.message_id = case when o.blob_key is not null then o.cause_message_id else o.message_id end
   and t.kind in ('DELIVERY', 'ERP_WRITEBACK')
   and t.summary like '% delivered'
   and t.folded_packed is null and t.folded is null
   and t.details ? 'attempt'
   and t.details ->> (case when o.blob_key is not null then 'documentId' else 'messageId' end) = o.message_id::text;
