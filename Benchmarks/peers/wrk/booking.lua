-- wrk script: the valid ~750-byte booking (the validation benchmark's body) as POST /bookings, one fixed
-- Idempotency-Key, so after the first request every call is the idempotent replay (201 with the same booking).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer t0k3n"
wrk.headers["Idempotency-Key"] = "6f1c2a7e-8d4b-4b1e-9a53-2f0c1d9e7b10"
wrk.headers["X-Request-ID"] = "bench-1"
wrk.body = [[
{"flight_id": "BA117-20261201",
 "passengers": [
  {"first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.com", "age": 36, "seat": "12C", "loyalty_number": "BA12345678"},
  {"first_name": "Charles", "last_name": "Babbage", "email": "charles@example.com", "age": 79, "seat": "12D", "loyalty_number": null},
  {"first_name": "Mary", "last_name": "Somerville", "email": "mary.somerville@example.org", "age": 91, "seat": "12E"}],
 "payment": {"method": "card", "amount": {"amount": 1249.50, "currency": "EUR"},
             "card": {"token": "tok_4f9a8b7c6d5e4f3a2b1c", "last4": "4242", "expiry": "09/28"}},
 "notifications": {"email": true, "sms": false, "phone": "+447700900123"},
 "special_requests": ["vegetarian_meal", "extra_legroom"]}
]]
