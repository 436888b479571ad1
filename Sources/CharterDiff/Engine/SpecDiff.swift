import CharterBase
import CharterSpec
import Foundation

/// Breaking-change detection between two versions of a spec.
///
/// Documents are compared after `$ref` resolution (moving a schema into `components` or another file is not a
/// change). Operations match by method and path template with parameter names ignored; parameters by name and
/// location (headers case-insensitively; path parameters by position); responses by status; media types by
/// name; schemas structurally and by direction: request schemas break when the server accepts less, response
/// schemas when clients may receive what they do not expect or miss what they relied on.
public enum SpecDiff {
    /// Every finding, in operation order (old spec's order; added operations last).
    /// - Parameter today: `YYYY-MM-DD`, for `x-sunset` dates (default: the current UTC date).
    public static func compare(old: Document, new: Document, today: String? = nil) -> [Finding] {
        report(old: old, new: new, options: DiffOptions(today: today)).findings
    }

    /// The findings (with the options' levels applied) and what could not be compared (callbacks), as located
    /// warnings.
    public static func report(old: Document, new: Document, options: DiffOptions = DiffOptions()) -> (findings: [Finding], notes: [Diagnostic]) {
        var run = DiffRun(old: old, new: new, options: options, today: options.today ?? Self.today())
        run.compareDocuments()
        return (options.levels.apply(run.findings), run.notes)
    }

    /// Loads both files (with the loader's located diagnostics on failure) and compares them.
    public static func compare(oldPath: String, newPath: String, options: LoadOptions = LoadOptions(), strict: Bool = false,
                               today: String? = nil) throws(DiffLoadError) -> [Finding] {
        try report(oldPath: oldPath, newPath: newPath, loadOptions: options, strict: strict, options: DiffOptions(today: today)).findings
    }

    /// Loads both files and compares them; also returns what could not be compared and, unless `strict`, the
    /// problems of either file whose meaning is clear, as warnings saying what was assumed (a diff compares what is
    /// there: a vendor's spec that breaks a rule is still compared). `strict` refuses such files, as `lint` would.
    public static func report(oldPath: String, newPath: String, loadOptions: LoadOptions = LoadOptions(), strict: Bool = false,
                              options: DiffOptions = DiffOptions()) throws(DiffLoadError) -> (findings: [Finding], notes: [Diagnostic]) {
        // The two loads are independent: one per core.
        let (oldResult, newResult) = Parallel.both({ SpecLoader(options: loadOptions).load(path: oldPath) },
                                                   { SpecLoader(options: loadOptions).load(path: newPath) })
        var warnings: [Diagnostic] = []
        func take(_ result: LoadResult) throws(DiffLoadError) -> Document {
            let diagnostics = result.diagnostics(strict: strict)
            guard let document = result.document, !diagnostics.hasErrors else { throw DiffLoadError(diagnostics: diagnostics) }
            // Each understood problem once, even when both sides are the same file.
            for d in result.diagnostics where d.severity == .error && d.assumption != nil && !warnings.contains(d.tolerated) {
                warnings.append(d.tolerated)
            }
            return document
        }
        let (old, new) = (try take(oldResult), try take(newResult))
        let (findings, notes) = report(old: old, new: new, options: options)
        return (findings, warnings + notes)
    }

    static func today() -> String {
        String(Date().formatted(Date.ISO8601FormatStyle()).prefix(10))
    }
}

/// A spec that could not be loaded for diffing, with the loader's located diagnostics.
public struct DiffLoadError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public var description: String { diagnostics.filter { $0.severity == .error }.map(\.description).joined(separator: "\n") }
}
