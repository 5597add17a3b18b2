#!/usr/bin/env bash
# Database, WAL and PostgreSQL CPU per document on the BENCHMARKS load (see "Data lifecycle" there): a fresh gateway
# on the embedded default, 60 s at 100/s as warm-up, a checkpoint, 60 s at 150/s measured (9,000 documents), the
# tables, indexes and rows it wrote, then the bare baseline. Build first:
#   ./mvnw -q package -DskipTests -Dseamline.cds.skip=true && benchmarks/footprint.sh
# FP_TAG names the output files in /tmp (fp-measured-<tag>.txt, fp-wal-<tag>.txt: the measured WAL per kind of
# record and per table, fp-bare-<tag>.txt).
set -u
cd "${FP_ROOT:-$(dirname "$0")/..}"
JAR=gateway/target/seamline.jar
B=benchmarks/target/benchmarks.jar
rm -rf /tmp/seamline-load; mkdir -p /tmp/seamline-load
java -jar $JAR --seamline.data-dir=/tmp/seamline-load --seamline.embedded-db.port=5544 > /tmp/fp-gateway.log 2>&1 &
GW=$!
for i in $(seq 1 120); do [ "$(curl -s -u erp:erp -o /dev/null -w "%{http_code}" localhost:8080/api/v1/purchase-orders)" = "200" ] && break; sleep 2; done
L="java -cp $B io.seamline.benchmarks.PipelineLoad --jdbc jdbc:postgresql://localhost:5544/seamline --warmup 0"
$L --base http://localhost:8080 --rate 100 --seconds 60 --orders 1500 > /tmp/fp-warmup-${FP_TAG:-x}.txt 2>&1
Q() { PGPASSWORD=postgres psql -h localhost -p 5544 -U postgres seamline -At -c "$1"; }
Q "checkpoint"
DB0=$(Q "select pg_database_size('seamline')"); Q "select pg_stat_reset_shared('wal')" >/dev/null
Q "create extension if not exists pg_walinspect" >/dev/null; LSN0=$(Q "select pg_current_wal_lsn()")
BL0=$(du -sb /tmp/seamline-load/blobs | cut -f1)
M0=$(Q "select count(*) from message")
$L --base http://localhost:8080 --rate 150 --seconds 60 --orders 2250 > /tmp/fp-measured-${FP_TAG:-x}.txt 2>&1
sleep 5; LSN1=$(Q "select pg_current_wal_lsn()")
# the WAL of the measured part per kind of record, then per table or index (with its full-page images), read before
# the checkpoint recycles it
Q "select \"resource_manager/record_type\", count, record_size, fpi_size, combined_size from pg_get_wal_stats('$LSN0', '$LSN1', true) order by combined_size desc limit 25" > /tmp/fp-wal-${FP_TAG:-x}.txt
Q "select coalesce(c.relname, b.relfilenode::text), count(*), sum(b.block_data_length + b.block_fpi_length), sum(b.block_fpi_length) from pg_get_wal_block_info('$LSN0', '$LSN1') b left join pg_class c on c.relfilenode = b.relfilenode group by 1 order by 3 desc limit 40" >> /tmp/fp-wal-${FP_TAG:-x}.txt
Q "select coalesce(c.relname, b.relfilenode::text), b.resource_manager || '/' || b.record_type, count(*), sum(b.block_data_length + b.block_fpi_length) from pg_get_wal_block_info('$LSN0', '$LSN1') b left join pg_class c on c.relfilenode = b.relfilenode group by 1, 2 order by 4 desc limit 60" >> /tmp/fp-wal-${FP_TAG:-x}.txt
# row locks and INSERT … ON CONFLICT confirmations are small records, many of them: per table
Q "select coalesce(c.relname, b.relfilenode::text), b.record_type, count(*) from pg_get_wal_block_info('$LSN0', '$LSN1') b left join pg_class c on c.relfilenode = b.relfilenode where b.record_type in ('LOCK', 'HEAP_CONFIRM') group by 1, 2 order by 3 desc" >> /tmp/fp-wal-${FP_TAG:-x}.txt
Q "checkpoint"
DB1=$(Q "select pg_database_size('seamline')"); WAL=$(Q "select wal_bytes from pg_stat_wal"); WALREC=$(Q "select wal_records from pg_stat_wal")
BL1=$(du -sb /tmp/seamline-load/blobs | cut -f1)
M1=$(Q "select count(*) from message")
echo "db0=$DB0 db1=$DB1 wal=$WAL walrec=$WALREC blobs0=$BL0 blobs1=$BL1 messages0=$M0 messages1=$M1"
Q "select relname, pg_total_relation_size(relid), pg_indexes_size(relid), n_tup_ins, n_tup_upd, n_tup_del, n_tup_hot_upd from pg_stat_user_tables order by 2 desc limit 20"; Q "select sum(total_exec_time)::int, sum(calls) from pg_stat_statements" 2>/dev/null
Q "select kind, count(*), avg(pg_column_size(t.*))::int, sum(case when message_id is null then 0 else 1 end), sum(case when step_key is null then 0 else 1 end) from timeline_entry t group by kind order by 2 desc"
Q "select left(summary, 40), count(*) from timeline_entry group by 1 order by 2 desc limit 30"
Q "select type, count(*), avg(pg_column_size(e.*))::int from event e group by 1 order by 2 desc"
Q "select direction, status, count(*), avg(pg_column_size(m.*))::int from message m group by 1,2 order by 3 desc"
Q "select kind, status, count(*), avg(pg_column_size(s.*))::int from sla_expectation s group by 1,2 order by 3 desc"
Q "select relname, indexrelname, pg_relation_size(indexrelid) from pg_stat_user_indexes where relname in ('message','event','timeline_entry','sla_expectation','outbox','purchase_order_line','shipment_po_lines','shipment','workflow') order by 3 desc"
Q "select kind, count(*) from outbox group by 1 order by 2 desc" 2>/dev/null
kill $GW; wait $GW 2>/dev/null
java -cp $B io.seamline.benchmarks.BareBaseline --threads 2 --seconds 20 > /tmp/fp-bare-${FP_TAG:-x}.txt 2>&1
echo done
