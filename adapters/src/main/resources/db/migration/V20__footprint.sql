-- Fewer bytes per document (issue 24, item 4).
--
-- A step key is a text of 60 to 120 characters ("<message>:<n>:correlation:po/4500012345:true") held in the row and
-- again in its unique index. What the key is for is only "was this step recorded already?", so the row now keeps the
-- key's MD5 as a uuid (16 bytes): the same answer, a quarter of the bytes, in the heap and in the index. Java computes
-- the same value (Columns.step). Converting rewrites these tables once.
alter table timeline_entry alter column step_key type uuid using md5(step_key)::uuid;
alter table sla_expectation alter column step_key type uuid using md5(step_key)::uuid;
alter table outbox alter column step_key type uuid using md5(step_key)::uuid;

-- What one transaction records of one message on one subject (it came, its events, what they matched, the response,
-- the write-back queued) is one row: the first entry in the columns, the others in folded (kind, summary, actor,
-- details, visible, microseconds after the row's time). Timelines gives every entry back as it was appended.
alter table timeline_entry add column folded jsonb;
