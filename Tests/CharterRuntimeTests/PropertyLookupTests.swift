@testable import CharterRuntime
import Testing

/// A schema's property table finds a key's first declaration — through the hash, and through the declared-order
/// guess the validator tries first — whatever the guess, with duplicate and empty names declared.
@Suite("Property lookup")
struct PropertyLookupTests {
    /// Every key against every guess, compared with the plain answer (the first declaration, else -1).
    func agreesWithFirstDeclaration(_ names: [String], keys extra: [String] = [], sourceLocation: SourceLocation = #_sourceLocation) {
        let lookup = PropertyLookup(names)
        defer { lookup.deallocate() }
        for key in Set(names + extra) {
            let expected = names.firstIndex(of: key) ?? -1
            var utf8 = Array(key.utf8)
            utf8.withUnsafeMutableBufferPointer { mutable in
                let bytes = UnsafeBufferPointer(mutable)
                #expect(lookup.find(bytes) == expected, "\(key)", sourceLocation: sourceLocation)
                for guess in 0...(names.count + 1) {
                    #expect(lookup.find(bytes, guess: guess) == expected, "\(key), guess \(guess)", sourceLocation: sourceLocation)
                }
            }
        }
    }

    @Test func declaredNamesAndStrangers() {
        agreesWithFirstDeclaration(["flight_id", "passengers", "payment", "notifications", "special_requests"],
                                   keys: ["", "flight", "flight_ie", "Flight_id", "payments", "x"])
    }

    @Test func duplicatesAreFoundAtTheirFirstDeclaration() {
        agreesWithFirstDeclaration(["a", "b", "a", "ab", "b", "ba"], keys: ["", "aa", "abc"])
    }

    @Test func emptyNamesAnywhere() {
        agreesWithFirstDeclaration(["x", "", "y", ""], keys: ["z"])
        agreesWithFirstDeclaration(["", "x"])
        agreesWithFirstDeclaration(["x", "y"], keys: [""])
        agreesWithFirstDeclaration([], keys: ["", "a"])
    }

    /// Names that share length, first and last byte (one hash slot chain), long names compared eight bytes at a time.
    @Test func collidingAndLongNames() {
        let names = (0..<40).map { "k\(String($0, radix: 3))k" } + ["a_long_property_name_\(String(repeating: "z", count: 17))"]
        agreesWithFirstDeclaration(names + names.prefix(5), keys: names.map { $0 + "!" } + ["a_long_property_name_"])
    }
}
