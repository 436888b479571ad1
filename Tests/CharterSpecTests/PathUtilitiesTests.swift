import Foundation
@testable import CharterSpec
import Testing

/// Path arithmetic for `$ref`s between files: normalizing on the bytes must answer what the segment rules say,
/// for every mix of `.`, `..`, empty segments and leading or trailing slashes.
@Suite("Path arithmetic")
struct PathUtilitiesTests {
    /// The rules written the plain way (split on `/`, fold the segments): the oracle for the byte-level version.
    static func reference(_ path: String) -> String {
        let isAbsolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part == ".." && isAbsolute {
                continue
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return isAbsolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    @Test func normalizingAgreesWithTheSegmentRulesForEveryShortMix() {
        // Every path of up to five segments drawn from these (10^5 + … paths), with and without a leading slash.
        let pieces = ["", ".", "..", "a", "bb", "...", ".a", "a.", "é", "..b"]
        var paths: [String] = []
        func grow(_ prefix: [String], _ depth: Int) {
            paths.append(prefix.joined(separator: "/"))
            guard depth < 5 else { return }
            for p in pieces { grow(prefix + [p], depth + 1) }
        }
        grow([], 0)
        var checked = 0
        for path in paths {
            for candidate in [path, "/" + path, path + "/"] {
                let expected = Self.reference(candidate)
                #expect(PathUtilities.normalize(candidate) == expected, "\(candidate)")
                checked += 1
            }
        }
        #expect(checked > 300_000)
    }

    @Test func referencesResolveAgainstTheirFilesFolder() {
        #expect(PathUtilities.resolve("../schemas/Pet.yaml", from: "/specs/paths/pets.yaml") == "/specs/schemas/Pet.yaml")
        #expect(PathUtilities.resolve("./Pet.yaml", from: "specs/pets.yaml") == "specs/Pet.yaml")
        #expect(PathUtilities.resolve("../../x.yaml", from: "a/b.yaml") == "../x.yaml")
        #expect(PathUtilities.resolve("x.yaml", from: "root.yaml") == "x.yaml")
        #expect(PathUtilities.resolve("/abs/./x.yaml", from: "a/b.yaml") == "/abs/x.yaml")
        #expect(PathUtilities.resolve("../../../x.yaml", from: "/a/b.yaml") == "/x.yaml")
        #expect(PathUtilities.directory(of: "/x.yaml") == "/")
        #expect(PathUtilities.directory(of: "x.yaml") == ".")
        #expect(PathUtilities.directory(of: "dossier/été/x.yaml") == "dossier/été")
        #expect(PathUtilities.isInside("/specs/a.yaml", directory: "/specs"))
        #expect(PathUtilities.isInside("/specs", directory: "/specs"))
        #expect(PathUtilities.isInside("/specs/a.yaml", directory: "/"))
        #expect(PathUtilities.isInside("/specs/a.yaml", directory: "/specs/"))
        #expect(!PathUtilities.isInside("/specs-old/a.yaml", directory: "/specs"))
        #expect(!PathUtilities.isInside("/spec", directory: "/specs"))
    }

    /// A load makes paths absolute against the directory it started in (asked once), as the system would.
    @Test func absolutePathsAgainstAGivenWorkingDirectory() {
        #expect(PathUtilities.absolute("specs/../x.yaml", from: "/work/here") == "/work/here/x.yaml")
        #expect(PathUtilities.absolute("./a/b.yaml", from: "/") == "/a/b.yaml")
        #expect(PathUtilities.absolute("/abs/./y.yaml", from: "/work") == "/abs/y.yaml")
        #expect(PathUtilities.absolute("../../../z.yaml", from: "/w/d") == "/z.yaml")
        let here = FileManager.default.currentDirectoryPath
        #expect(PathUtilities.absolute("q/r.yaml") == PathUtilities.absolute("q/r.yaml", from: here))
    }
}
