-- POST /api/v1/assessments/preview: validation + a full rule evaluation, nothing stored.
dofile(os.getenv("BENCH_DIR") .. "/report.lua")
dofile(os.getenv("BENCH_DIR") .. "/body.lua")
wrk.method = "POST"
wrk.path = "/api/v1/assessments/preview"
wrk.headers["Content-Type"] = "application/json"
wrk.body = body
