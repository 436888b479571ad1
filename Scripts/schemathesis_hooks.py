"""Schemathesis hooks for Charter's runs (loaded through SCHEMATHESIS_HOOKS): request serializers for the sequential
JSON media types schemathesis has none for, so operations that take JSON Lines or JSON text sequences are tested
instead of erroring with "Serialization not possible"."""
import json

import schemathesis


def _items(value):
    return value if isinstance(value, list) else [value]


@schemathesis.serializer("application/jsonl", "application/x-ndjson", "application/json-lines")
def json_lines(ctx, value):
    if isinstance(value, bytes):
        return {"data": value}
    return {"data": "".join(json.dumps(item) + "\n" for item in _items(value)).encode()}


@schemathesis.serializer("application/json-seq")
def json_sequence(ctx, value):
    if isinstance(value, bytes):
        return {"data": value}
    return {"data": "".join("\x1e" + json.dumps(item) + "\n" for item in _items(value)).encode()}
