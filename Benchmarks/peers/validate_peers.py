"""Validation peers on the same schema and payloads as charter-bench's booking rows.

The airline spec's BookingRequest is turned into a plain JSON Schema (components → $defs, OpenAPI 3.0's
nullable/boolean exclusive bounds → 2020-12 forms); the two payloads are read from ValidationBenchmark.swift so
both sides always measure the same bytes. Each row: json.loads + validate + collect every error (fastjsonschema
stops at the first error: it cannot collect them all). Best of 5 rounds, microseconds per call.
Usage: python validate_peers.py <repo-root>   (needs jsonschema-rs, fastjsonschema, jsonschema, pyyaml)
"""
import json, re, sys, timeit
import yaml
import fastjsonschema, jsonschema, jsonschema_rs

root = sys.argv[1] if len(sys.argv) > 1 else "../.."
spec = yaml.safe_load(open(f"{root}/Specs/airline.yaml"))
swift = open(f"{root}/Benchmarks/Sources/charter-bench/ValidationBenchmark.swift").read()
valid = re.search(r'let bookingValid = #"""\n(.*?)\n"""#', swift, re.S).group(1)
invalid = re.search(r'let bookingInvalid = #"""\n(.*?)\n"""#', swift, re.S).group(1)

def convert(node):
    if isinstance(node, list):
        return [convert(n) for n in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for k, v in node.items():
        if k == "$ref":
            out[k] = v.replace("#/components/schemas/", "#/$defs/")
        elif k in ("nullable", "example", "discriminator", "readOnly", "writeOnly", "xml", "externalDocs", "deprecated"):
            continue
        else:
            out[k] = convert(v)
    if node.get("nullable") and "type" in out:
        out["type"] = [out["type"], "null"]
    for bound, exclusive in (("minimum", "exclusiveMinimum"), ("maximum", "exclusiveMaximum")):
        if out.get(exclusive) is True:
            out[exclusive] = out.pop(bound)
        elif out.get(exclusive) is False:
            del out[exclusive]
    return out

defs = {name: convert(s) for name, s in spec["components"]["schemas"].items()}
schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$ref": "#/$defs/BookingRequest", "$defs": defs}

rs = jsonschema_rs.validator_for(schema, validate_formats=True)
py = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
fast_schema = dict(schema, **{"$schema": "http://json-schema.org/draft-07/schema#"})
fast_schema["definitions"] = fast_schema.pop("$defs")
fast_schema = json.loads(json.dumps(fast_schema).replace("#/$defs/", "#/definitions/"))
fast = fastjsonschema.compile(fast_schema)

def fast_errors(text):
    try:
        fast(json.loads(text))
        return 0
    except fastjsonschema.JsonSchemaValueException:
        return 1

parsed = {valid: json.loads(valid), invalid: json.loads(invalid)}
rows = [
    ("json.loads only (baseline)", lambda t: json.loads(t) and 0),
    ("jsonschema_rs (Rust)", lambda t: len(list(rs.iter_errors(json.loads(t))))),
    ("jsonschema_rs, instance already parsed", lambda t: len(list(rs.iter_errors(parsed[t])))),
    ("fastjsonschema (first error only)", fast_errors),
    ("jsonschema (pure Python)", lambda t: len(list(py.iter_errors(json.loads(t))))),
]
counts = {name: (f(valid), f(invalid)) for name, f in rows}
assert counts["jsonschema_rs (Rust)"][0] == 0, counts
def table(title, rows, counts, valid, invalid):
    """One markdown table: each row's best time per call on the valid and the invalid payload."""
    print(f"| validator ({title} {len(valid.encode())} bytes) | valid | errors found | invalid | errors found |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, f in rows:
        results = []
        for text in (valid, invalid):
            n = 2000 if "pure" in name else 50000
            best = min(timeit.repeat(lambda: f(text), number=n, repeat=5)) / n
            results.append(best * 1e6)
        print(f"| {name} | {results[0]:.2f} µs | {counts[name][0]} | {results[1]:.2f} µs | {counts[name][1]} |")

table("booking", rows, counts, valid, invalid)

# The unevaluatedProperties schema: Benchmarks/Fixtures/unevaluated.json, read by charter-bench too.
fixture = json.load(open(f"{root}/Benchmarks/Fixtures/unevaluated.json"))
u_schema = {k: v for k, v in fixture.items() if k not in ("valid", "invalid")}
u_valid, u_invalid = json.dumps(fixture["valid"]), json.dumps(fixture["invalid"])
u_rs = jsonschema_rs.validator_for(u_schema, validate_formats=True)
u_py = jsonschema.Draft202012Validator(u_schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
u_parsed = {u_valid: json.loads(u_valid), u_invalid: json.loads(u_invalid)}
u_rows = [
    ("json.loads only (baseline)", lambda t: json.loads(t) and 0),
    ("jsonschema_rs (Rust)", lambda t: len(list(u_rs.iter_errors(json.loads(t))))),
    ("jsonschema_rs, instance already parsed", lambda t: len(list(u_rs.iter_errors(u_parsed[t])))),
    ("jsonschema (pure Python)", lambda t: len(list(u_py.iter_errors(json.loads(t))))),
]
u_counts = {name: (f(u_valid), f(u_invalid)) for name, f in u_rows}
assert u_counts["jsonschema_rs (Rust)"][0] == 0, u_counts
print()
table("unevaluatedProperties account", u_rows, u_counts, u_valid, u_invalid)
