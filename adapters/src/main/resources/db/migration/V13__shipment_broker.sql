-- The customs broker of a shipment: assigned by the ERP's plan, or by ops accepting a broker's first customs document.
-- A broker's customs documents only ever reach the shipments it is the broker of.
alter table shipment add column broker_id text references partner (id);
create index shipment_broker on shipment (broker_id) where broker_id is not null;
