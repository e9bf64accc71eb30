import ArgumentParser
import Pipeline

/// `--output-version`: which `article.enriched` version to write.
enum OutputVersion {
    static func resolve(_ text: String?) throws -> SchemaVersion {
        let supported = RecordEncoding.versions[.enriched, default: []]
        guard let text else {
            return RecordEncoding.latest(.enriched, major: 1) ?? supported[0]
        }
        guard let version = SchemaVersion(text), supported.contains(version) else {
            let list = supported.map(\.description).joined(separator: ", ")
            throw ValidationError("--output-version '\(text)' is not a version this build writes; use one of \(list)")
        }
        return version
    }
}
