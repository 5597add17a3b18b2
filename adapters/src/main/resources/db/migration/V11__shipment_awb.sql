-- Shipments are looked up by any of their references at once (shipment id, BOL, PRO, container, booking, AWB);
-- with an index on each, PostgreSQL answers "a = x or b = y" from the indexes instead of reading every shipment.
create index shipment_awb on shipment (awb) where awb is not null;
