#!/usr/bin/env bash
# Where PostgreSQL's time goes on the BENCHMARKS load, per statement: a fresh gateway on the embedded default with
# pg_stat_statements loaded (ALTER SYSTEM, then a restart), 60 s at 100/s as warm-up, the statistics reset, 60 s at
# 150/s measured (9,000 documents), then the 40 statements with the most execution and planning time (nested ones
# too, such as foreign key checks: toplevel f) to /tmp/statements.txt. "plans" next to "calls" says how often
# PostgreSQL planned a statement again instead of reusing its plan. Build first:
#   ./mvnw -q package -DskipTests -Dseamline.cds.skip=true && benchmarks/statements.sh
set -u
cd "$(dirname "$0")/.."
JAR=gateway/target/seamline.jar
B=benchmarks/target/benchmarks.jar
DIR=/tmp/seamline-statements
rm -rf $DIR; mkdir -p $DIR
start() {
  java -jar $JAR --seamline.data-dir=$DIR --seamline.embedded-db.port=5544 > /tmp/statements-gateway.log 2>&1 &
  GW=$!
  for i in $(seq 1 120); do [ "$(curl -s -u erp:erp -o /dev/null -w "%{http_code}" localhost:8080/api/v1/purchase-orders)" = "200" ] && break; sleep 2; done
}
Q() { PGPASSWORD=postgres psql -h localhost -p 5544 -U postgres seamline -At -c "$1"; }
start
Q "alter system set shared_preload_libraries = 'pg_stat_statements'" >/dev/null
Q "alter system set pg_stat_statements.track = 'all'" >/dev/null
Q "alter system set pg_stat_statements.track_planning = on" >/dev/null
kill $GW; wait $GW 2>/dev/null
start
Q "create extension if not exists pg_stat_statements" >/dev/null
L="java -cp $B io.seamline.benchmarks.PipelineLoad --jdbc jdbc:postgresql://localhost:5544/seamline --warmup 0"
$L --base http://localhost:8080 --rate 100 --seconds 60 --orders 1500 > /tmp/statements-warmup.txt 2>&1
Q "select pg_stat_statements_reset()" >/dev/null
$L --base http://localhost:8080 --rate 150 --seconds 60 --orders 2250 > /tmp/statements-measured.txt 2>&1
sleep 5
{
  echo "execution ms | planning ms | plans | calls | mean execution ms | rows | toplevel | statement"
  Q "select round(total_exec_time)::int, round(total_plan_time)::int, plans, calls, round(mean_exec_time::numeric, 3),
       rows, toplevel, left(regexp_replace(query, '\s+', ' ', 'g'), 230) from pg_stat_statements
       order by total_exec_time + total_plan_time desc limit 40"
  echo "all top-level statements: execution ms | planning ms | plans | calls"
  Q "select round(sum(total_exec_time))::int, round(sum(total_plan_time))::int, sum(plans), sum(calls)
       from pg_stat_statements where toplevel"
} > /tmp/statements.txt
kill $GW; wait $GW 2>/dev/null
echo "written to /tmp/statements.txt"
