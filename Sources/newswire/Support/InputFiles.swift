import ArgumentParser
import Foundation

/// Turning command-line paths into files to read, with errors that say what
/// is wrong and how to fix it.
enum InputFiles {
    /// Files named directly, and the files of named folders (sorted, hidden
    /// files and README.md skipped). A missing path is an error.
    static func expand(_ paths: [String]) throws -> [URL] {
        var files: [URL] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw ValidationError("'\(path)' does not exist; give a file or folder path (check the spelling and the current directory)")
            }
            guard isFolder.boolValue else {
                files.append(URL(fileURLWithPath: path))
                continue
            }
            let names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
            for name in names where !name.hasPrefix(".") && name != "README.md" {
                let url = URL(fileURLWithPath: path).appendingPathComponent(name)
                var childIsFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: url.path, isDirectory: &childIsFolder), !childIsFolder.boolValue {
                    files.append(url)
                }
            }
        }
        return files
    }

    static func read(_ file: URL) throws -> [UInt8] {
        do {
            return Array(try Data(contentsOf: file))
        } catch {
            throw ValidationError("cannot read '\(file.path)': \(error.localizedDescription); check that it is a readable file")
        }
    }

    static func contentType(of file: URL) -> String {
        switch file.pathExtension.lowercased() {
        case "html", "htm": "text/html"
        case "json": "application/json"
        default: "text/plain"
        }
    }
}
