-- An ERP write-back is kept as its delivery: the outbox row names the document's bytes in the blob store (its SHA-256,
-- as a message row does), their size and type, the document's type and the message that caused it. No message row of
-- its own (a full row with eight indexes, an update when delivered): outbox.message_id is the document's id, which
-- the ERP sees as the Idempotency-Key and which stays the same however often it is delivered. Write-backs archived as
-- message rows before this stay as they are and are delivered and purged as before.
alter table outbox
  add column blob_key text,
  add column size_bytes integer,
  add column media_type text,
  add column file_name text,
  add column document_type text,
  add column cause_message_id uuid;

-- the garbage collector asks whether a blob is still named; retention finds the old ones by their time
create index outbox_blob on outbox using hash (blob_key) where blob_key is not null;
create index outbox_created on outbox using brin (created_at);
