import CharterRuntime
import CharterSpec

/// Compiles the schemas of a loaded `Document` into the runtime's `SchemaSet` (index i ↔ `SchemaID(i)`).
struct SchemaCompiler {
    let document: Document
    var diagnostics: [Diagnostic] = []
    private var patterns: [String: Pattern?] = [:]

    init(document: Document) {
        self.document = document
    }

    mutating func compile() -> SchemaSet {
        var names: [Int: String] = [:]
        for (name, id) in document.components.schemas { names[id.index] = name }
        var compiled: [SchemaKeywords] = []
        compiled.reserveCapacity(document.schemas.count)
        for (i, schema) in document.schemas.enumerated() {
            var k = compileOne(schema)
            k.name = names[i] ?? schema.ref?.componentName
            compiled.append(k)
        }
        return SchemaSet(compiled)
    }

    private mutating func pattern(_ source: String, at location: SourceLocation?) -> Pattern? {
        if let cached = patterns[source] { return cached }
        do {
            let p = try Pattern(source)
            patterns[source] = p
            return p
        } catch {
            // Located once per distinct pattern; the keyword is then not checked (never a silent skip). A pattern
            // that is not a regular expression at all was already reported by the loader, with that assumption.
            if PatternSyntax.problem(in: source) == nil { diagnostics.append(Diagnostic(.warning, "pattern '\(source)' is not validated: \(error)", at: location)) }
            patterns[source] = .some(nil)
            return nil
        }
    }

    private func schemaOrBool(_ id: SchemaID) -> SchemaOrBool<SchemaIndex> {
        if let b = document[id].booleanValue, document[id].ref == nil { return .bool(b) }
        return .schema(id.index)
    }

    private func schemaOrBool(_ value: SchemaOrBool<SchemaID>?) -> SchemaOrBool<SchemaIndex>? {
        switch value {
        case .bool(let b)?: .bool(b)
        case .schema(let id)?: schemaOrBool(id)
        case nil: nil
        }
    }

    private mutating func compileOne(_ s: Schema) -> SchemaKeywords {
        var k = SchemaKeywords()
        if let b = s.booleanValue { k.booleanSchema = b; return k }
        if let ref = s.ref {
            k.ref = ref.target?.index
            k.nullable = s.nullableComposition
            // Before 2019-09 (and in OpenAPI 3.0) a $ref replaces its siblings; later dialects validate both.
            if s.dialect.refReplacesSiblings { return k }
        }
        if let t = s.types { k.types = JSONTypeSet(rawValue: t.rawValue) }
        if s.nullableComposition { k.nullable = true }
        k.enumValues = s.enumValues.map { $0.map { JSONValue($0) } }
        k.constValue = s.const.map { JSONValue($0) }
        k.minimum = s.minimum.map(NumericBound.init)
        k.maximum = s.maximum.map(NumericBound.init)
        k.exclusiveMinimum = s.exclusiveMinimum.map(NumericBound.init)
        k.exclusiveMaximum = s.exclusiveMaximum.map(NumericBound.init)
        k.multipleOf = s.multipleOf.map(NumericBound.init)
        k.minLength = s.minLength
        k.maxLength = s.maxLength
        if let p = s.pattern { k.pattern = pattern(p, at: s.patternLocation) }
        if let f = s.format {
            k.format = StringFormat(rawValue: f)
            if k.format == .hostname && s.dialect.hostnameIsASCII { k.format = .hostnameRFC1123 }
            k.integerFormat = IntegerFormat(rawValue: f)
        }
        k.minItems = s.minItems
        k.maxItems = s.maxItems
        k.uniqueItems = s.uniqueItems
        k.prefixItems = s.prefixItems.map(\.index)
        k.items = s.items.map(schemaOrBool)
        k.contains = s.contains?.index
        k.minContains = s.minContains
        k.maxContains = s.maxContains
        k.unevaluatedItems = schemaOrBool(s.unevaluatedItems)
        k.minProperties = s.minProperties
        k.maxProperties = s.maxProperties
        k.required = s.required
        k.properties = s.properties.map { ($0.name, $0.schema.index) }
        k.additionalProperties = schemaOrBool(s.additionalProperties)
        k.patternProperties = s.patternProperties.compactMap { entry in
            pattern(entry.pattern, at: s.location).map { ($0, entry.schema.index) }
        }
        k.propertyNames = s.propertyNames?.index
        k.dependentRequired = s.dependentRequired.map { ($0.name, $0.required) }
        k.dependentSchemas = s.dependentSchemas.map { ($0.name, $0.schema.index) }
        k.unevaluatedProperties = schemaOrBool(s.unevaluatedProperties)
        k.allOf = s.allOf.map(\.index)
        k.anyOf = s.anyOf.map(\.index)
        k.oneOf = s.oneOf.map(\.index)
        k.not = s.not?.index
        k.ifSchema = s.ifSchema?.index
        k.thenSchema = s.thenSchema?.index
        k.elseSchema = s.elseSchema?.index
        if let d = s.discriminator { k.discriminator = discriminator(d, s) }
        k.readOnly = s.readOnly
        k.writeOnly = s.writeOnly
        k.dynamicRef = s.dynamicRefName
        k.resource = s.resourceRoot?.index
        k.dynamicAnchors = s.dynamicAnchors.map { ($0.name, $0.schema.index) }
        k.xml = s.xml
        k.defaultValue = s.defaultValue.map { JSONValue($0) }
        return k
    }

    /// The values `Document.discriminatorTags` derives (mapping, component names, single property values).
    private func discriminator(_ d: CharterSpec.Discriminator, _ s: Schema) -> SchemaKeywords.Discriminator {
        let mapping = document.discriminatorTags(of: s).map { (value: $0.value, schema: $0.branch.index) }
        let fallback = d.defaultMapping?.target.map { target in
            (s.oneOf + s.anyOf).first { document.resolved($0) == document.resolved(target) } ?? target
        }
        return SchemaKeywords.Discriminator(propertyName: d.propertyName, mapping: mapping, defaultSchema: fallback?.index)
    }
}
