-- Raw bytes live in the blob store (seamline.blobs: a folder or S3), named by their SHA-256: a message row written
-- from now on holds blob_key and no content. Rows written before keep their content until the blob migration
-- (BlobMigration, online, in small batches) stores it as a blob and empties the column.
alter table message alter column content drop not null;
alter table message add column blob_key text;
alter table message add constraint message_bytes_somewhere check (content is not null or blob_key is not null);
create index message_content_in_row on message (received_at) where content is not null;
