import CharterGenerator
import CharterSpec
import CharterTestSupport
import Testing

/// Snapshot-style: a YAML fragment of `components/schemas` and the exact Swift it must produce.
@Suite("Generator snapshots")
struct GeneratorSnapshotTests {
    func swift(_ schemas: String, version: String = "3.0.3") throws -> String {
        let spec = "openapi: \(version)\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n" + schemas
        let result = SpecLoader().load(bytes: Array(spec.utf8), path: "fragment.yaml")
        let document = try #require(result.document, "\(result.diagnostics)")
        let file = try #require(Generator.generate(document, specName: "fragment.yaml").files.first)
        let body = file.contents.components(separatedBy: "import Foundation\n").last ?? ""
        return String(body.drop { $0 == "\n" })
    }

    @Test func objectsBecomeStructsWithWireNamesAndOptionals() throws {
        #expect(try swift("""
            User:
              type: object
              description: A user of the service.
              required: [user_id, email]
              properties:
                user_id: {type: integer, format: int64}
                email: {type: string}
                is_active: {type: boolean, description: Whether the account may sign in.}
                default: {type: string, nullable: true}

        """) == """
        /// A user of the service.
        public struct User: Codable, Hashable, Sendable {
            public var userID: Int64
            public var email: String
            /// Whether the account may sign in.
            public var isActive: Bool?
            public var `default`: String?

            public init(userID: Int64, email: String, isActive: Bool? = nil, `default`: String? = nil) {
                self.userID = userID
                self.email = email
                self.isActive = isActive
                self.default = `default`
            }

            public init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: AnyCodingKey.self)
                self.userID = try container.decode(Int64.self, forKey: "user_id")
                self.email = try container.decode(String.self, forKey: "email")
                self.isActive = try container.decodeIfPresent(Bool.self, forKey: "is_active")
                self.default = try container.decodeIfPresent(String.self, forKey: "default")
            }

            public func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: AnyCodingKey.self)
                try container.encode(self.userID, forKey: "user_id")
                try container.encode(self.email, forKey: "email")
                try container.encodeIfPresent(self.isActive, forKey: "is_active")
                try container.encodeIfPresent(self.default, forKey: "default")
            }
        }

        """)
    }

    /// `required` with `readOnly` binds only what the server sends: a type clients also send gets the property
    /// optional (else the generated client could only build bodies the server refuses); a type only ever received
    /// keeps it required, and `writeOnly` mirrors it.
    @Test func requiredReadOnlyPropertiesAreOptionalOnlyInTypesClientsSend() throws {
        let spec = """
        openapi: 3.0.3
        info: {title: t, version: '1'}
        paths:
          /pets:
            post:
              requestBody:
                content:
                  application/json: {schema: {$ref: '#/components/schemas/Pet'}}
              responses:
                '200':
                  description: ok
                  content:
                    application/json: {schema: {$ref: '#/components/schemas/Receipt'}}
        components:
          schemas:
            Pet:
              type: object
              required: [id, name]
              properties:
                id: {type: integer, format: int64, readOnly: true}
                name: {type: string}
            Receipt:
              type: object
              required: [id, secret]
              properties:
                id: {type: integer, format: int64, readOnly: true}
                secret: {type: string, writeOnly: true}

        """
        let result = SpecLoader().load(bytes: Array(spec.utf8), path: "pets.yaml")
        let document = try #require(result.document, "\(result.diagnostics)")
        let models = try #require(Generator.generate(document, specName: "pets.yaml").files.first { $0.name.hasPrefix("Models") }).contents
        #expect(models.contains("""
                /// Read-only: the server always sends it; leave it nil in requests.
                public var id: Int64?
                public var name: String
            """))
        #expect(models.contains("""
            public struct Receipt: Codable, Hashable, Sendable {
                public var id: Int64
                /// Write-only: required in requests; responses leave it out.
                public var secret: String?
            """))
    }

    @Test func defaultsAreAppliedOnDecode() throws {
        #expect(try swift("""
            Options:
              type: object
              properties:
                threshold: {type: number, default: 0.5}
                mode: {type: string, enum: [fast, safe], default: safe}

        """).contains("""
                self.threshold = try container.decodeIfPresent(Double.self, forKey: "threshold") ?? 0.5
                self.mode = try container.decodeIfPresent(Mode.self, forKey: "mode") ?? .safe
        """))
    }

    /// A struct with a deprecated property keeps the compiler's coding (its `CodingKeys` where names differ): code
    /// written here would read the property and warn in every build of the user's module.
    @Test func structsWithDeprecatedPropertiesKeepSynthesisedCoding() throws {
        let out = try swift("""
            Old:
              type: object
              properties:
                old_name: {type: string, deprecated: true}
                size: {type: integer}

        """)
        #expect(out.contains("    enum CodingKeys: String, CodingKey {\n        case oldName = \"old_name\"\n        case size\n    }\n"))
        #expect(!out.contains("init(from decoder"))
        #expect(!out.contains("AnyCodingKey"))
    }

    /// Enums are coded by the standard library's defaults for `RawRepresentable` (no coding functions of their own).
    @Test func enumsDeclareNoCodingOfTheirOwn() throws {
        let out = try swift("    Status: {type: string, enum: [active, paused]}\n")
        #expect(out.contains("public enum Status: RawRepresentable, Codable, Hashable, Sendable {"))
        #expect(!out.contains("init(from decoder") && !out.contains("func encode(to encoder"))
    }

    @Test func enumsTolerateValuesAddedLater() throws {
        let out = try swift("    Status: {type: string, enum: [active, on-hold, unknown]}\n    Level: {type: integer, enum: [1, 2]}\n")
        #expect(out.contains("public enum Status: RawRepresentable, Codable, Hashable, Sendable {\n    case active\n    case onHold\n    case unknownValue\n    /// A value this code does not know"))
        #expect(out.contains("    case unknown(String)\n"))
        #expect(out.contains("        case \"on-hold\": self = .onHold\n"))
        #expect(out.contains("public enum Level: RawRepresentable, Codable, Hashable, Sendable {\n    case value1\n    case value2\n"))
        #expect(out.contains("    case unknown(Int)\n"))
    }

    @Test func recursiveStructsUseIndirectStorage() throws {
        let out = try swift("""
            Node:
              type: object
              properties:
                parent: {$ref: '#/components/schemas/Node'}
                children: {type: array, items: {$ref: '#/components/schemas/Node'}}

        """)
        #expect(out.contains("    @Indirect public var parent: Node?\n"))
        #expect(out.contains("    public var children: [Node]?\n"))
        // Read and written through the wrapper's value, as the memberwise initializer assigns it.
        #expect(out.contains("        self.parent = try container.decodeIfPresent(Node.self, forKey: \"parent\")\n"))
        #expect(out.contains("        try container.encodeIfPresent(self.parent, forKey: \"parent\")\n"))
    }

    @Test func mapsFreeFormAndAliases() throws {
        let out = try swift("""
            Labels: {type: object, additionalProperties: {type: string}}
            Anything: {}
            Code: {type: string, pattern: '^[A-Z]+$'}
            Codes: {type: array, items: {$ref: '#/components/schemas/Code'}}

        """)
        #expect(out == """
        public typealias Labels = [String: String]

        public typealias Anything = JSONValue

        public typealias Code = String

        public typealias Codes = [Code]

        """)
    }

    @Test func unionsWithAndWithoutDiscriminator() throws {
        let out = try swift("""
            Pet:
              oneOf: [{$ref: '#/components/schemas/Dog'}, {$ref: '#/components/schemas/Cat'}]
              discriminator: {propertyName: kind, mapping: {woof: '#/components/schemas/Dog'}}
            Dog: {type: object, properties: {kind: {type: string}}}
            Cat: {type: object, properties: {kind: {type: string}}}
            ID: {oneOf: [{type: string}, {type: integer}]}

        """, version: "3.1.0")
        #expect(out.contains("public indirect enum Pet: Codable, Hashable, Sendable {\n    case dog(Dog)\n    case cat(Cat)\n"))
        #expect(out.contains("        switch try decoder.container(keyedBy: AnyCodingKey.self).decode(String.self, forKey: \"kind\") {\n"))
        #expect(out.contains("        case \"woof\": self = .dog(try Dog(from: decoder))\n        case \"Cat\": self = .cat(try Cat(from: decoder))\n"))
        #expect(out.contains("public indirect enum ID: Codable, Hashable, Sendable {\n    case string(String)\n    case integer(Int)\n"))
        #expect(out.contains("        do { self = .string(try String(from: decoder)); return } catch { errors.append(error) }\n"))
    }

    @Test func allOfIsFlattenedAndSharedInlineTypesAreReused() throws {
        let out = try swift("""
            Base:
              type: object
              required: [id]
              properties:
                id: {type: string}
                tags: {type: array, items: {type: object, properties: {name: {type: string}}}}
            Extended:
              allOf:
                - $ref: '#/components/schemas/Base'
                - type: object
                  required: [size]
                  properties:
                    size: {type: integer}

        """)
        #expect(out.contains("public struct Extended: Codable, Hashable, Sendable {\n    public var id: String\n    public var tags: [Base.TagsItem]?\n    public var size: Int\n"))
        #expect(out.components(separatedBy: "struct TagsItem").count == 2)
    }

    @Test func inlineTypesThatContainThemselvesAreIndirectAndKeywordsAreAssignedThroughSelf() throws {
        let out = try swift("""
            Config:
              type: object
              properties:
                private: {type: boolean, default: false}
                perms:
                  type: object
                  properties:
                    value: {$ref: '#/components/schemas/Config/properties/perms'}

        """)
        #expect(out.contains("    public var perms: Perms?\n"))
        #expect(out.contains("        @Indirect public var value: Perms?\n"))
        #expect(out.contains("        self.private = try container.decodeIfPresent(Bool.self, forKey: \"private\") ?? false\n"))
    }

    @Test func nestedTypesNeverShadowComponents() throws {
        let out = try swift("""
            Perms: {type: object, properties: {a: {type: string}}}
            Config:
              type: object
              properties:
                perms:
                  type: object
                  properties:
                    value: {$ref: '#/components/schemas/Perms'}

        """)
        #expect(out.contains("    public var perms: PermsValue?\n"))
        #expect(out.contains("    public struct PermsValue: Codable, Hashable, Sendable {\n        public var value: Perms?\n"))
    }

    /// OpenAI's idiom: `EvalCheck: {type: object, allOf: [$ref Check]}` written before `Check` once declared a
    /// struct under the alias's name and then `typealias EvalCheck = EvalCheck` (a circular reference).
    @Test func singleAllOfAliasOfALaterComponentNamesThatComponent() throws {
        let out = try swift("""
            EvalCheck:
              type: object
              title: Check
              allOf:
                - $ref: '#/components/schemas/Check'
            Check:
              type: object
              properties:
                passed: {type: boolean}

        """)
        #expect(out.contains("public typealias EvalCheck = Check\n"))
        #expect(out.components(separatedBy: "public struct ").count == 2, "one struct only: \(out)")
        #expect(out.contains("public struct Check: Codable"))
    }

    /// 3.0 cannot put a description beside a `$ref`, so vendors wrap it: `allOf: [{$ref: X}, {description: …}]`
    /// (Box's spec 119 times), `allOf: [{$ref: X}, {nullable: true}]` (OpenAI's). The describing member leaves
    /// the type X (it once made the property `JSONValue`); its description, default and deprecation are the
    /// property's, and its lone `nullable: true` makes X optional.
    @Test func allOfMembersThatOnlyDescribeLeaveTheReferencedType() throws {
        let out = try swift("""
            Status: {type: string, enum: [draft, active]}
            Item:
              type: object
              properties:
                value: {type: string}
            Listing:
              type: object
              required: [item, replaces]
              properties:
                item:
                  allOf:
                    - $ref: '#/components/schemas/Item'
                    - description: The item listed.
                status:
                  allOf:
                    - $ref: '#/components/schemas/Status'
                    - {description: Its status., default: active, x-note: kept}
                replaces:
                  allOf:
                    - $ref: '#/components/schemas/Item'
                    - nullable: true
                merged:
                  allOf:
                    - $ref: '#/components/schemas/Item'
                    - description: Not only a description.
                      required: [value]

        """)
        #expect(out.contains("    /// The item listed.\n    public var item: Item\n"))
        #expect(out.contains("    /// Its status.\n    public var status: Status\n"))
        #expect(out.contains("self.status = try container.decodeIfPresent(Status.self, forKey: \"status\") ?? .active"))
        #expect(out.contains("    public var replaces: Item?\n"))
        // A member that constrains (here `required`) still makes a struct of the composition.
        #expect(out.contains("    public var merged: Merged?\n"))
        #expect(out.contains("    public struct Merged: Codable, Hashable, Sendable {\n        public var value: String\n"))
        #expect(!out.contains("JSONValue"))
        // A describing member's deprecation is the property's (the struct then keeps the compiler's coding).
        let deprecated = try swift("""
            Item: {type: object}
            Holder:
              type: object
              properties:
                old:
                  allOf:
                    - $ref: '#/components/schemas/Item'
                    - {deprecated: true, description: Use new.}
                new: {$ref: '#/components/schemas/Item'}

        """)
        #expect(deprecated.contains("    /// Use new.\n    @available(*, deprecated, message: \"Use new.\")\n    public var old: Item?\n"), "\(deprecated)")
        #expect(deprecated.components(separatedBy: "@available(*, deprecated").count == 2, "only `old` is deprecated")
    }

    @Test func aliasesAndSingleAllOfKeepTheirTypeAndDefault() throws {
        let out = try swift("""
            UUID: {type: string, format: uuid}
            Flag: {type: boolean}
            Report:
              type: object
              description: "First line.\\r\\nSecond line."
              properties:
                include: {allOf: [{$ref: '#/components/schemas/Flag'}], default: false}
                id: {$ref: '#/components/schemas/UUID'}
                extra: {}

        """)
        #expect(out.contains("public typealias UUIDValue = UUID\n"))
        #expect(out.contains("/// First line.\n/// Second line.\npublic struct Report"))
        #expect(out.contains("    public var include: Flag\n    public var id: UUIDValue?\n    public var extra: JSONValue?\n"))
        #expect(out.contains("self.include = try container.decodeIfPresent(Flag.self, forKey: \"include\") ?? false"))
    }

    @Test func inlineAllOfIsAStructAndNestedNamesStayUnique() throws {
        let out = try swift("""
            Entry: {type: object, properties: {id: {type: string}}}
            Lists:
              type: object
              allOf: [{properties: {entries: {type: array, items: {$ref: '#/components/schemas/Entry'}}}}]
            Caller:
              type: object
              properties:
                caller_type: {type: string, enum: [a, b]}
                callerType: {type: string, enum: [c]}

        """)
        #expect(out.contains("public struct Lists: Codable, Hashable, Sendable {\n    public var entries: [Entry]?\n"))
        #expect(out.contains("    public var callerType: CallerType?\n    public var callerType2: CallerTypeValue?\n"))
        #expect(out.contains("    public enum CallerTypeValue: RawRepresentable"))
    }

    @Test func outputIsDeterministic() throws {
        let text = "    A: {type: object, properties: {b: {type: string}, c: {type: integer}}}\n    D: {type: string, enum: [x, y]}\n"
        #expect(try swift(text) == swift(text))
    }
}
