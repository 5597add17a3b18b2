-- The rows every document writes name their partner by id without a foreign key, as they name their message (V23):
-- partners are never deleted (they are offboarded), and each check ran a query per row and locked the partner's row
-- FOR KEY SHARE, which two transactions at once turn into a multixact (one a document on the BENCHMARKS load).
-- Business records (purchase orders, shipments, invoices, tasks, …) keep theirs.
alter table message drop constraint message_partner_id_fkey;
alter table event drop constraint event_partner_id_fkey;
alter table outbox drop constraint outbox_partner_id_fkey;
alter table sla_expectation drop constraint sla_expectation_partner_id_fkey;
alter table inbound_interchange drop constraint inbound_interchange_partner_id_fkey;

-- A ship notice's lines are the PO lines it was correlated to (ShipNotices), and PO lines are never deleted (a line
-- the ERP drops is CANCELLED): the check locked each PO line a ship notice names, five a document on the load.
alter table shipment_line drop constraint shipment_line_po_number_line_number_fkey;
