-- What a shipment carries of a PO is one row per shipment and PO, each line's quantity under its line number
-- ({"1": 101, "2": 102.5, …}), instead of a row per line with two indexes: a ship notice of twenty lines wrote twenty
-- rows and forty index entries. A later notice's lines replace the same lines' (`lines || new`). A quantity is in its
-- PO line's unit (the only unit a ship notice's line was ever written with): the unit is read from the PO line.
create table shipment_po_lines (
  shipment_id  text not null references shipment (shipment_id) on delete cascade,
  po_number    text not null,
  lines        jsonb not null check (jsonb_typeof(lines) = 'object'),
  primary key (shipment_id, po_number)
);
create index shipment_po_lines_po on shipment_po_lines (po_number);

insert into shipment_po_lines (shipment_id, po_number, lines)
select shipment_id, po_number, jsonb_object_agg(line_number, trim_scale(quantity))
from shipment_line
group by shipment_id, po_number;

drop table shipment_line;
