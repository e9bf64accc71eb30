import ArgumentParser
import Pipeline

/// `--output-version`: which `article.enriched` version to write.
enum OutputVersion {
    static var supported: [SchemaVersion] { RecordEncoding.versions[.enriched, default: []] }

    /// The newest 1.x: what a worker writes unless told otherwise.
    static var defaultVersion: SchemaVersion {
        RecordEncoding.latest(.enriched, major: 1) ?? SchemaVersion(major: 1, minor: 0)
    }

    /// "1.0, 1.1 or 2.0", for help texts.
    static var supportedList: String {
        let names = supported.map(\.description)
        return names.count > 1 ? names.dropLast().joined(separator: ", ") + " or " + names[names.count - 1] : names.joined()
    }

    static func resolve(_ text: String) throws -> SchemaVersion {
        guard let version = SchemaVersion(text), supported.contains(version) else {
            throw ValidationError("--output-version '\(text)' is not a version this build writes; use \(supportedList)")
        }
        return version
    }
}
