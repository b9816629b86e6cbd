-- Stored POSTs at a fixed offered rate (wrk has no -R; wrk2 is not packaged): each connection waits a random
-- 0.5x..1.5x of (connections / BENCH_RATE) seconds between its requests, so the mean total rate is BENCH_RATE.
-- Still closed-loop: a slow answer delays that connection's next request (no coordinated-omission correction),
-- which is acceptable well below saturation; run.sh prints the rate actually reached.
-- The same request as stored.lua, paced.
dofile(os.getenv("BENCH_DIR") .. "/stored.lua")

local mean_ms = 1000 * tonumber(os.getenv("BENCH_CONNECTIONS")) / tonumber(os.getenv("BENCH_RATE"))

function init(args)
   math.randomseed(os.time() + math.floor(os.clock() * 1e6))
end

function delay()
   return math.floor(mean_ms * (0.5 + math.random()))
end
