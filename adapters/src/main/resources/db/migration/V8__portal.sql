-- The portal's searches: messages by what they are about (PO, shipment) and outbound messages by their outbox entry.
create index message_subject on message (subject) where subject is not null;
create index outbox_message on outbox (message_id);
create index task_open_created on task (created_at) where status = 'OPEN';
