// The types the spec model shares with the runtime (JSON types, SchemaOrBool, ParameterStyle) and the pattern
// engine live in CharterBase; importing CharterSpec brings them.
@_exported import CharterBase
