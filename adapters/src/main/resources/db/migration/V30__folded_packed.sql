-- The entries folded into a timeline row (a message's receipt: its events, matches, decisions inside tolerance,
-- acknowledgement, write-back) are written by the gateway as compressed JSON (raw deflate with a dictionary of the
-- entries' own words, behind a version byte: PackedJson) in folded_packed, with their count in folded_entries for
-- retention's tombstones. As jsonb they cost PostgreSQL a parse and a pglz compression per row and came out ~1.6
-- times larger (BENCHMARKS). Rows written before keep folded and are read as before. The erasure reads packed rows in
-- the gateway (ErasureStore), since SQL cannot search them.
alter table timeline_entry add column folded_packed bytea, add column folded_entries smallint;
-- compressed already: kept in the row (PostgreSQL's own attempt fails fast on deflated bytes)
alter table timeline_entry alter column folded_packed set storage main;
