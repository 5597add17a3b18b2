-- What a shipment carries of a PO is one row per shipment and PO, its lines an object keyed by line number
-- ({"1": {"quantity": 101, "unit": "EA"}, …}), instead of a row per line with two indexes: a ship notice of twenty
-- lines wrote twenty rows and forty index entries. A later notice's lines replace the same lines' (`lines || new`).
-- PostgreSQL compresses the object in the row (storage main) once the row passes 256 bytes.
create table shipment_po_lines (
  shipment_id  text not null references shipment (shipment_id) on delete cascade,
  po_number    text not null,
  lines        jsonb not null check (jsonb_typeof(lines) = 'object'),
  primary key (shipment_id, po_number)
) with (toast_tuple_target = 256);
alter table shipment_po_lines alter column lines set storage main;
create index shipment_po_lines_po on shipment_po_lines (po_number);

insert into shipment_po_lines (shipment_id, po_number, lines)
select shipment_id, po_number,
       jsonb_object_agg(line_number, jsonb_strip_nulls(jsonb_build_object('quantity', trim_scale(quantity), 'unit', unit)))
from shipment_line
group by shipment_id, po_number;

drop table shipment_line;
