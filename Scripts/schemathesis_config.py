#!/usr/bin/env python3
"""Prints a schemathesis config for one spec: the shared settings (Scripts/schemathesis.toml) plus credentials for
each of the spec's security schemes (API keys and bearer tokens 't0k3n', Basic 'user:t0k3n'), which the mock is
started to accept. Schemathesis has no setting for OAuth2 and OpenID Connect schemes, and where a spec has both Basic
and Bearer schemes it sends one of them on every operation (both are `Authorization`), so operations whose first
security alternative names an OAuth2, OpenID Connect or Basic scheme get that `Authorization` header of their own.
Usage: schemathesis_config.py SPEC SHARED_TOML"""
import base64
import json
import sys

import yaml  # schemathesis depends on PyYAML, so its venv has it

spec_path, shared = sys.argv[1], sys.argv[2]
with open(spec_path) as f:
    spec = yaml.safe_load(f) if not spec_path.endswith(".json") else json.load(f)
schemes = (spec.get("components") or {}).get("securitySchemes") or spec.get("securityDefinitions") or {}
lines = [open(shared).read()]
for name, scheme in schemes.items():
    if not isinstance(scheme, dict):
        continue
    kind, http = scheme.get("type"), str(scheme.get("scheme", "")).lower()
    if kind == "apiKey":
        lines.append(f'[auth.openapi.{json.dumps(name)}]\napi_key = "t0k3n"\n')
    elif (kind == "http" and http == "basic") or kind == "basic":
        lines.append(f'[auth.openapi.{json.dumps(name)}]\nusername = "user"\npassword = "t0k3n"\n')
    elif kind == "http" and http == "bearer":
        lines.append(f'[auth.openapi.{json.dumps(name)}]\nbearer = "t0k3n"\n')
authorization = {}
for name, scheme in schemes.items():
    if not isinstance(scheme, dict):
        continue
    if scheme.get("type") in ("oauth2", "openIdConnect"):
        authorization[name] = "Bearer t0k3n"
    elif scheme.get("type") == "basic" or (scheme.get("type") == "http" and str(scheme.get("scheme", "")).lower() == "basic"):
        authorization[name] = "Basic " + base64.b64encode(b"user:t0k3n").decode()
for path, item in (spec.get("paths") or {}).items():
    if not isinstance(item, dict):
        continue
    for method, operation in item.items():
        if not isinstance(operation, dict) or method.lower() not in ("get", "put", "post", "delete", "patch", "head", "options", "trace"):
            continue
        security = operation.get("security", spec.get("security")) or []
        first = security[0] if security and isinstance(security[0], dict) else {}
        header = next((authorization[n] for n in first if n in authorization), None)
        if header:
            # By name ("POST /path"): operations need not have an operationId, and separate path and method
            # filters would match either (schemathesis ORs the filters of one entry).
            lines.append(f'[[operations]]\ninclude-name = {json.dumps(method.upper() + " " + path)}\n'
                         f'headers = {{ Authorization = {json.dumps(header)} }}\n')
print("\n".join(lines))
