import CharterBase

extension SpecFiles {
    /// Reads the files `tree` names in `$ref`s — and the files those name, wave by wave — on the machine's cores
    /// before the model is built, which then finds them read. A spec kept as a tree of thousands of small files
    /// spends most of its load opening and parsing them one at a time.
    ///
    /// Only a head start: the results wait in `prefetched` with their problems until the build asks for the file
    /// (so the files read, the order of reading and the diagnostics are the same as without it); a file the build
    /// never asks for is dropped unreported. The same rules apply as to the build's own reading: a reference must
    /// stay inside the root's folder unless allowed, URLs are left to the build.
    func prefetch(from tree: SpecTree) {
        guard Parallel.cores > 1 else { return }
        let scope = self.scope
        var seen: Set<String> = []
        var wave = unread(scope.fileReferences(in: tree), seen: &seen)
        var waves = 0
        while !wave.isEmpty, waves < 64 {
            waves += 1
            // Each job reads a file and finds the files it names (path arithmetic included); only the
            // bookkeeping of what is already read stays on this thread.
            let read = Parallel.results(of: wave.map { file in
                { @Sendable in
                    let result = SpecFileReader.read(path: file.path, options: scope.options)
                    return (result, result.tree.map(scope.fileReferences) ?? [])
                }
            })
            var next: [(key: String, path: String)] = []
            for (file, (result, references)) in zip(wave, read) {
                prefetched[file.key] = result
                next += unread(references, seen: &seen)
            }
            wave = next
        }
    }

    /// The references to files neither read, waiting nor met before.
    private func unread(_ references: [(key: String, path: String)], seen: inout Set<String>) -> [(key: String, path: String)] {
        references.filter { rawTrees[$0.key] == nil && prefetched[$0.key] == nil && seen.insert($0.key).inserted }
    }
}

/// What decides which files a tree's references may name: the root's folder and the load's options. One rule for
/// the build, the Swagger 2.0 conversion's lookups and the read-ahead.
struct ReferenceScope: Sendable {
    let rootDirectory: String
    /// As `SpecFiles.workingDirectory`.
    let workingDirectory: String
    let options: LoadOptions

    /// Where a `$ref`'s file part (the text before `#`) leads from the file at `treePath`.
    enum Target: Equatable {
        /// No file part: the reference stays in its own file.
        case sameFile
        /// A URL (`://`, or `//host`): never fetched.
        case remote
        /// A percent-escape that does not decode.
        case malformed
        /// A file outside the root's folder, not allowed by the options.
        case outsideRoot
        /// A file that may be read: its path as the build spells it (diagnostics name it so) and the absolute,
        /// normal path it is known by (`SpecFiles`' key).
        case file(path: String, key: String)
    }

    /// Where `filePart` leads when written in a file in `directory` (the file's folder, as
    /// `PathUtilities.directory(of:)` gives it, which trees keep).
    func target(of filePart: String, inDirectory directory: String) -> Target {
        if filePart.isEmpty { return .sameFile }
        if PathUtilities.hasScheme(filePart) || filePart.hasPrefix("//") { return .remote }
        guard let decoded = JSONPointer.percentDecode(filePart) else { return .malformed }
        let path = PathUtilities.resolve(decoded, inDirectory: directory)
        let key = PathUtilities.absolute(path, from: workingDirectory)
        return options.allowRefsOutsideRoot || PathUtilities.isInside(key, directory: rootDirectory) ? .file(path: path, key: key) : .outsideRoot
    }

    /// The files `tree`'s `$ref`s name, each once: the absolute path (the key) and the path as the build spells it
    /// (reading through it names the file in diagnostics the same way). Only files the build may read.
    func fileReferences(in tree: SpecTree) -> [(key: String, path: String)] {
        var paths: [(key: String, path: String)] = []
        var known: Set<String> = []
        for record in tree.records where record.kind == .mapping {
            var slot = Int(record.start)
            let end = slot + Int(record.count)
            while slot + 1 < end {
                let name = tree.records[Int(tree.children[slot])], value = tree.records[Int(tree.children[slot + 1])]
                slot += 2
                guard value.kind == .scalar, value.count > 0, tree.text.equals(name, "$ref"),
                      tree.text.firstByte(value) != UInt8(ascii: "#") else { continue }
                guard case .file(let path, let key) = target(of: SpecFiles.split(tree.text.string(value)).file, inDirectory: tree.directory) else { continue }
                if known.insert(key).inserted { paths.append((key, path)) }
            }
        }
        return paths
    }
}
