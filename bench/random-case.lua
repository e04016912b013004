-- wrk script of bench/run.sh: each request asks for a case picked at random from the ids in the
-- file BENCH_IDS (one per line), with the headers given on the command line (-H).
local ids = {}
for line in io.lines(os.getenv("BENCH_IDS")) do
    ids[#ids + 1] = line
end

request = function()
    return wrk.format("GET", "/accountability-cases/" .. ids[math.random(#ids)], wrk.headers)
end
