-- wrk script: POST /accountability-cases, spread over missions and years so that the per-mission,
-- per-year reference counters are not one hot row. MISSIONS comes from the environment.
local missions = {}
for m in string.gmatch(os.getenv("MISSIONS") or "MINUSCA", "[^,]+") do missions[#missions + 1] = m end
local n = 0
request = function()
  n = n + 1
  local mission = missions[(n % #missions) + 1]
  local year = 2015 + (n % 10)
  local body = string.format([[{"kind":"misconduct","mission_acronym":"%s","reported_on":"%d-03-15",
"incident_date_precision":"unknown","misconduct":{"category":"other_misconduct","misconduct_level":2,
"misconduct_type":"harassment","personnel_category":"civilian_national","alleged_perpetrators":1}}]],
    mission, year)
  local headers = {["Content-Type"] = "application/json"}
  for name, value in pairs(wrk.headers) do headers[name] = value end   -- the -H Authorization
  return wrk.format("POST", "/accountability-cases", headers, body)
end
