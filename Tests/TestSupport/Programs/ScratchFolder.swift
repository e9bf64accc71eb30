import Foundation

/// A fresh folder under the temporary directory for one test's files.
public struct ScratchFolder: Sendable {
    public let url: URL

    public init(prefix: String = "newswire-test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Deletes the folder; a failure is printed (the test has its result already).
    public func remove() {
        do {
            try FileManager.default.removeItem(at: url)
        } catch {
            print("could not remove \(url.path): \(error)")
        }
    }
}
