import CharterRuntime
import CharterValidation
import Foundation

/// Synthesised values by schema and seed, made once and kept: a static mock answers the same call with the same
/// bytes without drawing again. Values for a seed do not depend on the order calls arrive in: each schema's draw
/// starts from the seed mixed with the schema's index. Dynamic calls (a fresh seed each) are not kept.
final class MockValues: @unchecked Sendable {
    let schemas: SchemaSet
    let keepSeeds: Set<UInt64>
    private var kept: [Key: JSONValue] = [:]
    private let lock = NSLock()

    struct Key: Hashable {
        var schema: SchemaIndex
        var seed: UInt64
    }

    /// Values over `schemas`; those drawn with one of `keepSeeds` (the static seed and its stream offsets) are kept.
    init(schemas: SchemaSet, keepSeeds: Set<UInt64>) {
        self.schemas = schemas
        self.keepSeeds = keepSeeds
    }

    /// A response value for `schema`, or an `APIError` 500 saying which schema could not be satisfied (the spec's
    /// fault, not the caller's: a `false` schema, a contradiction, a pattern the draw cannot meet).
    func value(for schema: SchemaIndex, seed: UInt64, what: String) throws -> JSONValue {
        let key = Key(schema: schema, seed: seed)
        let keep = keepSeeds.contains(seed)
        if keep {
            lock.lock()
            let found = kept[key]
            lock.unlock()
            if let found { return found }
        }
        // SplitMix-style mixing so neighbouring schemas and seeds start far apart.
        var synthesizer = ValueSynthesizer(schemas: schemas, seed: seed &+ UInt64(truncatingIfNeeded: schema) &* 0x9E37_79B9_7F4A_7C15, direction: .response)
        guard let value = synthesizer.value(for: schema) else {
            let why = synthesizer.lastIssues.first.map { ": \($0.field.isEmpty ? "" : "\($0.field): ")\($0.message)" } ?? ""
            throw APIError(status: 500, code: "MOCK_CANNOT_SYNTHESIZE", message: "The mock could not make a \(what) its schema accepts\(why)")
        }
        if keep {
            lock.lock()
            kept[key] = value
            lock.unlock()
        }
        return value
    }
}
