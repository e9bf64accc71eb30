import Foundation

/// A set of versioned schemas laid out as `NAME/MAJOR.MINOR.json`: a folder
/// (the repository's `Schemas/`, `--dir`) or the copy compiled into the
/// binary. Other files at the top (a README) are ignored; any `.json` file
/// that is not named as a version is an error rather than silently skipped.
public struct SchemaLibrary: Sendable {
    /// Where the schemas were read from, for messages: a folder path, or
    /// "the schemas built into this binary".
    public var location: String
    /// Every version of every schema, ordered by name, then version.
    public var documents: [SchemaDocument]

    /// Reads every schema file under `directory`.
    public init(directory: URL) throws(SchemaError) {
        let files = FileManager.default
        let names: [String]
        do {
            names = try files.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw .unreadableDirectory(path: directory.path, reason: error.localizedDescription)
        }
        var found: [(path: String, bytes: [UInt8])] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let folder = directory.appendingPathComponent(name, isDirectory: true)
            var isDirectory: ObjCBool = false
            guard files.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                continue
            }
            let entries: [String]
            do {
                entries = try files.contentsOfDirectory(atPath: folder.path)
            } catch {
                throw .unreadableDirectory(path: folder.path, reason: error.localizedDescription)
            }
            for entry in entries where entry.hasSuffix(".json") {
                let file = folder.appendingPathComponent(entry)
                do {
                    found.append((name + "/" + entry, Array(try Data(contentsOf: file))))
                } catch {
                    throw .unreadableFile(path: file.path, reason: error.localizedDescription)
                }
            }
        }
        try self.init(files: found, location: directory.path)
    }

    /// Schemas from `files`, each a `NAME/MAJOR.MINOR.json` path with its bytes.
    public init(files: [(path: String, bytes: [UInt8])], location: String) throws(SchemaError) {
        self.location = location
        var documents: [SchemaDocument] = []
        for (path, bytes) in files {
            let parts = path.split(separator: "/")
            guard parts.count == 2, parts[1].hasSuffix(".json"),
                  let version = SchemaVersion(String(parts[1].dropLast(".json".count)))
            else {
                throw .badFileName(path: location + "/" + path)
            }
            documents.append(try Self.read(bytes, path: location + "/" + path, name: String(parts[0]), version: version))
        }
        self.documents = documents.sorted { ($0.name, $0.version) < ($1.name, $1.version) }
    }

    /// The schemas compiled into the binary (`SchemaFiles/`, a copy of
    /// `Schemas/` made by `Scripts/sync-schemas.sh`).
    public static func bundled() throws(SchemaError) -> SchemaLibrary {
        let prefix = "SchemaFiles/"
        let files = EmbeddedFiles.paths.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".json") }.compactMap { path in
            EmbeddedFiles.bytes(path).map { (path: String(path.dropFirst(prefix.count)), bytes: $0) }
        }
        return try SchemaLibrary(files: files, location: "the schemas built into this binary")
    }

    /// Schema names, sorted.
    public var names: [String] {
        Array(Set(documents.map(\.name))).sorted()
    }

    /// Versions of `name`, oldest first.
    public func versions(of name: String) -> [SchemaVersion] {
        documents.filter { $0.name == name }.map(\.version)
    }

    /// `name` at `version`, or its newest version when `version` is `nil`.
    public func document(_ name: String, version: SchemaVersion? = nil) throws(SchemaError) -> SchemaDocument {
        let all = documents.filter { $0.name == name }
        guard let newest = all.last else { throw .unknownSchema(name: name, known: names) }
        guard let version else { return newest }
        guard let match = all.first(where: { $0.version == version }) else {
            throw .unknownVersion(name: name, version: version.description, known: all.map(\.version))
        }
        return match
    }

    private static func read(_ bytes: [UInt8], path: String, name: String, version: SchemaVersion) throws(SchemaError) -> SchemaDocument {
        let root: JSONValue
        do {
            root = try JSONValue(parsing: bytes)
        } catch {
            throw .unreadableFile(path: path, reason: "not valid JSON (\(error))")
        }
        return SchemaDocument(name: name, version: version, path: path, bytes: bytes, root: root)
    }
}
