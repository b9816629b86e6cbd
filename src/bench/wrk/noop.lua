-- The cheapest GET of our own API: one catalogue entry by id (no database, no rules).
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
wrk.method = "GET"
wrk.path = "/api/v1/exercises/chin-tuck"
