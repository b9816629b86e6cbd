-- PostgreSQL only (quarkus.flyway.locations adds db/<db-kind>). A stored result is JSON text of about 38 KB that
-- PostgreSQL compresses into its TOAST table on every insert. With lz4 instead of its default, pglz, the database
-- spent 1.2-1.3 ms of CPU per stored assessment in the service benchmark instead of 1.7-1.9 (src/bench/RESULTS.md),
-- and the benchmark's result took 8.0 KB instead of 10.1 KB. Only new values are compressed with lz4; older rows stay readable as they are.
-- A server built without lz4 (or older than PostgreSQL 14, which has no such setting) keeps pglz.
do $$
begin
    if exists (select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any (enumvals)) then
        alter table assessments alter column result set compression lz4;
    end if;
end
$$;
