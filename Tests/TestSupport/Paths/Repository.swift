import Foundation

/// Paths inside this repository, found from this file's location, so tests
/// read `Schemas/`, `Examples/` and `Scripts/` from the checkout they were
/// built from and never from anywhere outside it.
public enum Repository {
    /// The package root: the nearest folder above this file with a `Package.swift`.
    public static let root: URL = {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                return folder
            }
            folder = folder.deletingLastPathComponent()
        }
        preconditionFailure("no Package.swift above \(#filePath)")
    }()

    public static var schemas: URL { root.appendingPathComponent("Schemas", isDirectory: true) }
    public static var examples: URL { root.appendingPathComponent("Examples", isDirectory: true) }

    /// `Scripts/NAME`.
    public static func script(_ name: String) -> URL { root.appendingPathComponent("Scripts").appendingPathComponent(name) }

    /// The Python with `jsonschema` that `Scripts/setup-tools.sh` installs
    /// (`NEWSWIRE_TEST_PYTHON`, set by `Scripts/test.sh`, else `.tools/venv`).
    public static var python: String {
        ProcessInfo.processInfo.environment["NEWSWIRE_TEST_PYTHON"]
            ?? root.appendingPathComponent(".tools/venv/bin/python").path
    }
}
