-- The request body of body.json: the same valid answers every time, so every request costs the same evaluation.
local f = assert(io.open(os.getenv("BENCH_DIR") .. "/body.json", "rb"))
body = f:read("*a")
f:close()
