import ArgumentParser
import CharterBase
import CharterGenerator
import CharterSpec
import Foundation
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// `generate <spec> --output <dir>`: write Swift for a spec.
public struct Code: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "code",
        abstract: "Generate Swift from a spec (the default command).",
        discussion: """
        Writes into the output folder: Models.swift, Schemas.swift and SchemaTable<N>.swift (validation tables),
        Operations.swift (per operation: Input, Output, contract), Server.swift (<Name>APIProtocol and
        registerHandlers(on:)) and Client.swift (<Name>Client); for large specs models and operations are split
        into Models1.swift, Models2.swift … and Operations1.swift … of bounded length. A file is rewritten only
        when its content changes; generated files no longer produced are removed. Loader diagnostics are printed;
        errors stop generation (exit 1).

        Examples:
          swift run generate Specs/airline.yaml --output Generated/Airline
          swift run generate api.json --output Sources/API --module-name API --mode models,client --access internal
          swift run generate api.yaml --output Sources/API --config charter.yaml
        """
    )

    @Argument(help: "The spec: Swagger 2.0 or OpenAPI 3.0–3.2 (YAML or JSON, one file or the root of a tree).")
    var spec: String

    @Option(name: .shortAndLong, help: "The folder to write into (created if missing).")
    var output: String

    @Option(help: "Access level of generated declarations: public or internal.")
    var access: String?

    @Option(help: "What equality generated types conform to: hashable (default), equatable, or none (the fastest to compile; enums stay Hashable).")
    var equality: String?

    @Option(help: "The Swift module the output is compiled into (names the API: <Name>APIProtocol, <Name>Client). Default: the output folder's name.")
    var moduleName: String?

    @Option(help: ArgumentHelp("The module name when neither --module-name nor the config gives one (what plugins pass: the target's name).", visibility: .hidden))
    var defaultModuleName: String?

    @Option(help: ArgumentHelp("What the generated files' header says to do instead of editing them.", visibility: .hidden))
    var regenerateHint: String?

    @Option(help: "What to generate, comma-separated: models,validators,server,client (default: all). Server and client include validators.")
    var mode: String?

    @Option(help: "A charter.yaml with the same options plus type-name overrides and operation filters.")
    var config: String?

    @Flag(help: "Always write exactly Models, Schemas, Operations, Server and Client .swift (no split files; placeholders for parts left out), as build-tool plugins need.")
    var fixedLayout = false

    @Flag(help: "Refuse a spec with any lint error, even one whose meaning is clear (by default such problems are warnings saying what was assumed).")
    var strict = false

    @OptionGroup var references: ReferenceOptions

    public init() {}

    public func validate() throws {
        if let access, access != "public" && access != "internal" { throw ValidationError("--access must be public or internal") }
        if let equality, GeneratedEquality(rawValue: equality) == nil {
            throw ValidationError("--equality must be one of \(GeneratedEquality.choices)")
        }
        if let mode {
            do { _ = try GenerateConfig.parts(mode) } catch { throw ValidationError(error.description) }
        }
    }

    public func run() throws {
        let loadOptions = references.loadOptions
        let result = SpecLoader(options: loadOptions).load(path: spec)
        // Problems whose meaning is clear are warnings saying what was assumed (every file's), unless --strict.
        let diagnostics = result.diagnostics(strict: strict)
        for d in diagnostics where d.severity == .error || d.location?.file == spec || d.message.contains("; assumed ") { printToStandardError("\(d)") }
        guard let document = result.document else {
            throw ExitCode(result.diagnostics.allSatisfy { $0.location == nil } ? 2 : 1)
        }
        if diagnostics.hasErrors { throw ExitCode(1) }
        let specName = URL(fileURLWithPath: spec).lastPathComponent
        var options = GeneratorOptions()
        var configModuleName: String?
        if let config {
            let loaded = GenerateConfig.load(path: config)
            for d in loaded.diagnostics { printToStandardError("\(d)") }
            guard let settings = loaded.config else { throw ExitCode(1) }
            settings.apply(to: &options)
            configModuleName = settings.moduleName
        }
        // The module name: --module-name, else the config's, else the default a plugin passes, else the folder's.
        if let access { options.access = access }
        if let equality, let chosen = GeneratedEquality(rawValue: equality) { options.equality = chosen }
        if let moduleName {
            options.moduleName = moduleName
        } else if configModuleName == nil {
            options.moduleName = defaultModuleName ?? SwiftNames.typeName(URL(fileURLWithPath: output).standardizedFileURL.lastPathComponent)
        }
        if let regenerateHint { options.regenerateHint = regenerateHint }
        if let mode { options.parts = (try? GenerateConfig.parts(mode)) ?? options.parts }
        options.fixedLayout = fixedLayout
        options.keepsIntermediates = true
        let (files, generated) = Generator.generate(document, specName: specName, options: options)
        for d in generated { printToStandardError("\(d)") }
        let (written, removed) = try GeneratedOutput.write(files, to: output)
        if !fixedLayout {
            // One line, so a run that changed nothing is visibly a run that changed nothing.
            print("\(output): \(files.count) files, \(written == 0 ? "none" : String(written)) rewritten" + (removed > 0 ? ", \(removed) removed" : ""))
        }
        // The command ends here: the loaded document goes back with the process rather than object by object.
        Retained.forever(result)
    }
}

/// Writing generated files: only changed ones are rewritten; stale generated files are removed.
enum GeneratedOutput {
    static let marker = "// Generated by Charter"

    /// Returns how many files were written (changed or new) and how many stale ones were removed.
    @discardableResult
    static func write(_ files: [GeneratedFile], to folder: String) throws -> (written: Int, removed: Int) {
        let fm = FileManager.default
        var written = 0, removed = 0
        try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let names = Set(files.map(\.name))
        let listing = (try? fm.contentsOfDirectory(atPath: folder)) ?? []
        for existing in listing where isAbandonedTemporary(existing) { unlink(folder + "/" + existing) }
        for existing in listing where existing.hasSuffix(".swift") && !names.contains(existing) {
            let path = folder + "/" + existing
            if let text = try? String(contentsOfFile: path, encoding: .utf8), text.hasPrefix(marker) {
                try fm.removeItem(atPath: path)
                removed += 1
            }
        }
        // Side by side: writing Stripe's 196 files (9 MB) is mostly the file system's work, allocating inodes —
        // about a tenth of the command's samples when done one file after another.
        let outcomes = Parallel.results(of: files.map { file in
            { @Sendable () -> Result<Bool, any Error> in
                let path = folder + "/" + file.name
                let data = Data(file.contents.utf8)
                if FileManager.default.contents(atPath: path) == data { return .success(false) }
                return Result { try replace(path, with: data); return true }
            }
        })
        for outcome in outcomes where try outcome.get() { written += 1 }
        return (written, removed)
    }

    static let temporaryInfix = ".charter-"

    /// A temporary file of `replace` whose process is gone (killed between writing and renaming); one whose
    /// process still runs belongs to a generation writing into the same folder now.
    static func isAbandonedTemporary(_ name: String) -> Bool {
        guard let range = name.range(of: temporaryInfix), let pid = pid_t(name[range.upperBound...]), pid > 0 else { return false }
        return pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH
    }

    /// `data` into `path`. A file already there is replaced through a temporary file renamed over it, so a reader
    /// (a build) sees the old version or the new one, never half a file.
    /// Unlike `Data.write(options: .atomic)` nothing is fsynced: generated files are remade from the spec at will,
    /// and syncing Stripe's 200 files was a tenth of generating them. Anything unusual (no permission, a full disk)
    /// goes through Foundation's write, for its error.
    static func replace(_ path: String, with data: Data) throws {
        // A file that does not exist yet is written in place: there is no old version to keep readable, and on
        // Stripe's 196 files into an empty folder the renames cost a third as much as creating the files did.
        // `O_EXCL`: a file that appeared meanwhile is replaced the careful way.
        let fresh = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        if fresh >= 0 {
            let complete = writeAll(data, to: fresh)
            if close(fresh) == 0 && complete { return }
            unlink(path)
            return try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        }
        let temporary = path + temporaryInfix + String(getpid())
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard fd >= 0 else { return try data.write(to: URL(fileURLWithPath: path), options: .atomic) }
        let complete = writeAll(data, to: fd)
        let closed = close(fd) == 0
        guard complete, closed, rename(temporary, path) == 0 else {
            unlink(temporary)
            return try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        }
    }

    /// Writes all of `data` to `fd`; false when the system refuses (the caller falls back to Foundation for the error).
    private static func writeAll(_ data: Data, to fd: Int32) -> Bool {
        data.withUnsafeBytes { raw -> Bool in
            guard let base = raw.baseAddress else { return true }
            var offset = 0
            while offset < raw.count {
                let n = systemWrite(fd, base + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
    }
}
