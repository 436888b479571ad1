-- wrk script: one request in ten is invalid (five kinds in turn: broken JSON, schema violations, a wrong
-- content type, a bad Idempotency-Key, a missing token); the rest are valid bookings and searches.
-- done() prints the count per status class; any 5xx fails the caller's check.
local valid = [[{"flight_id": "BA117-20261201", "passengers": [{"first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.com", "age": 36, "seat": "12C"}], "payment": {"method": "card", "amount": {"amount": 612.40, "currency": "EUR"}, "card": {"token": "tok_4f9a8b7c6d5e4f3a", "last4": "4242"}}}]]
local invalid = [[{"flight_id": "BA117-20261201", "passengers": [{"first_name": "", "last_name": "L", "email": "nope", "age": 130, "seat": "99Z"}], "payment": {"method": "cash", "amount": {"amount": -1, "currency": "EURO"}}}]]
local base = {["Content-Type"] = "application/json", ["Authorization"] = "Bearer t0k3n", ["Idempotency-Key"] = "6f1c2a7e-8d4b-4b1e-9a53-2f0c1d9e7b10"}
local search = "/flights?origin=LHR&destination=JFK&departure_date=2026-12-01&passengers=2"
local n = 0
local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    counts = {["2xx"] = 0, ["4xx"] = 0, ["5xx"] = 0, ["other"] = 0}
end

local function with(overrides)
    local h = {}
    for k, v in pairs(base) do h[k] = v end
    for k, v in pairs(overrides) do h[k] = v end
    return h
end

function request()
    n = n + 1
    if n % 10 == 0 then
        local kind = (n / 10) % 5
        if kind == 0 then return wrk.format("POST", "/bookings", base, '{"flight_id": "BA117", "passengers": [1, 2,]}') end
        if kind == 1 then return wrk.format("POST", "/bookings", base, invalid) end
        if kind == 2 then return wrk.format("POST", "/bookings", with({["Content-Type"] = "text/plain"}), valid) end
        if kind == 3 then return wrk.format("POST", "/bookings", with({["Idempotency-Key"] = "not-a-uuid"}), valid) end
        return wrk.format("POST", "/bookings", with({["Authorization"] = "Bearer wrong"}), valid)
    end
    if n % 2 == 0 then return wrk.format("GET", search) end
    return wrk.format("POST", "/bookings", base, valid)
end

function response(status, headers, body)
    if status >= 200 and status < 300 then counts["2xx"] = counts["2xx"] + 1
    elseif status >= 400 and status < 500 then counts["4xx"] = counts["4xx"] + 1
    elseif status >= 500 then counts["5xx"] = counts["5xx"] + 1
    else counts["other"] = counts["other"] + 1 end
end

function done(summary, latency, requests)
    local total = {["2xx"] = 0, ["4xx"] = 0, ["5xx"] = 0, ["other"] = 0}
    for _, t in ipairs(threads) do
        local c = t:get("counts")
        for k, v in pairs(c) do total[k] = total[k] + v end
    end
    io.write(string.format("STATUS 2xx=%d 4xx=%d 5xx=%d other=%d\n", total["2xx"], total["4xx"], total["5xx"], total["other"]))
end
