-- POST /api/v1/assessments: validation + evaluation + one committed insert per request.
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
dofile(os.getenv("BENCH_DIR") .. "/body.lua")
wrk.method = "POST"
wrk.path = "/api/v1/assessments"
wrk.headers["Content-Type"] = "application/json"
wrk.body = body
