import Foundation

/// A folder of versioned schemas laid out as `NAME/MAJOR.MINOR.json` (the
/// repository's `Schemas/`, or the copy bundled into the binary). Other
/// files at the top (a README) are ignored; any `.json` file that is not
/// named as a version is an error rather than silently skipped.
public struct SchemaLibrary: Sendable {
    public var directory: URL
    /// Every version of every schema, ordered by name, then version.
    public var documents: [SchemaDocument]

    /// Reads every schema file under `directory`.
    public init(directory: URL) throws(SchemaError) {
        self.directory = directory
        let files = FileManager.default
        let names: [String]
        do {
            names = try files.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw .unreadableDirectory(path: directory.path, reason: error.localizedDescription)
        }
        var documents: [SchemaDocument] = []
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
                guard let version = SchemaVersion(String(entry.dropLast(".json".count))) else {
                    throw .badFileName(path: file.path)
                }
                documents.append(try Self.read(file, name: name, version: version))
            }
        }
        self.documents = documents.sorted { ($0.name, $0.version) < ($1.name, $1.version) }
    }

    /// The schema folder bundled into the binary (a copy of `Schemas/`).
    public static var bundledDirectory: URL? {
        Bundle.module.url(forResource: "SchemaFiles", withExtension: nil)
    }

    /// The schemas bundled into the binary.
    public static func bundled() throws(SchemaError) -> SchemaLibrary {
        guard let directory = bundledDirectory else {
            throw .unreadableDirectory(path: "SchemaFiles", reason: "the binary's resource bundle has no schemas")
        }
        return try SchemaLibrary(directory: directory)
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

    private static func read(_ file: URL, name: String, version: SchemaVersion) throws(SchemaError) -> SchemaDocument {
        let bytes: [UInt8]
        let root: JSONValue
        do {
            bytes = Array(try Data(contentsOf: file))
        } catch {
            throw .unreadableFile(path: file.path, reason: error.localizedDescription)
        }
        do {
            root = try JSONValue(parsing: bytes)
        } catch {
            throw .unreadableFile(path: file.path, reason: "not valid JSON (\(error))")
        }
        return SchemaDocument(name: name, version: version, file: file, bytes: bytes, root: root)
    }
}
