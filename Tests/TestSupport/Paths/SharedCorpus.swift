import Foundation
import Testing

/// The third-party corpus the text tests read (never copied into the
/// project): the `shared` folder named by `NEWSWIRE_SHARED`, which
/// `Scripts/test.sh` sets after checking that the corpus is there.
///
/// Under plain `swift test` without the variable, tests marked
/// `.needsSharedCorpus` are skipped with a line saying so; a variable that
/// points at a folder without the file a test needs fails that test with one
/// sentence naming the path.
public enum SharedCorpus {
    public static let variable = "NEWSWIRE_SHARED"

    /// The folder `NEWSWIRE_SHARED` names, or nil when it is unset or empty.
    public static var folder: URL? {
        guard let path = ProcessInfo.processInfo.environment[variable], !path.isEmpty else { return nil }
        return URL(fileURLWithPath: path, isDirectory: true)
    }

    /// `relative` (e.g. `corpus/labels-dev.jsonl`) inside the shared folder;
    /// throws `Missing` when the variable is unset or the path does not exist.
    public static func url(_ relative: String) throws -> URL {
        guard let folder else { throw Missing(description: "\(variable) is not set, so there is no shared corpus to read \(relative) from (Scripts/test.sh sets it)") }
        let url = folder.appendingPathComponent(relative)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw Missing(description: "\(url.path) does not exist: \(variable)=\(folder.path) must name the shared folder that holds corpus/")
        }
        return url
    }

    /// What is missing, in one sentence.
    public struct Missing: Error, CustomStringConvertible {
        public var description: String
    }
}

extension Trait where Self == ConditionTrait {
    /// Skips (visibly, with the reason) a test that reads the shared corpus
    /// when `NEWSWIRE_SHARED` is unset.
    public static var needsSharedCorpus: Self {
        .enabled(
            if: SharedCorpus.folder != nil,
            "needs the shared corpus: \(SharedCorpus.variable) is not set (make test sets it to ../shared after checking the corpus is there)"
        )
    }
}
