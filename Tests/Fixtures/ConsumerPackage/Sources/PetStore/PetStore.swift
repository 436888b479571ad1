// This module's API is generated at build time from openapi.yaml (configured by charter.yaml) by the
// Charter build plugin: models, validation tables, PetsAPIProtocol and PetsClient (charter.yaml names the API).
