import ArgumentParser
import Foundation

/// Turning command-line paths into files to read, with errors that say what
/// is wrong and how to fix it.
enum InputFiles {
    /// Files named directly, and the files of named folders (sorted, hidden
    /// files and README.md skipped), as paths in the form given (a relative
    /// path stays relative). A missing path, or a folder with no file to
    /// read, is an error.
    static func expand(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                throw CommandFailure("'\(path)' does not exist; give a file or folder path (check the spelling and the current directory)")
            }
            guard isFolder.boolValue else {
                files.append(path)
                continue
            }
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
            } catch {
                throw CommandFailure("cannot list the folder '\(path)': \(error.localizedDescription); check its permissions")
            }
            var found = 0
            for name in names where !name.hasPrefix(".") && name != "README.md" {
                let child = (path as NSString).appendingPathComponent(name)
                var childIsFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: child, isDirectory: &childIsFolder), !childIsFolder.boolValue {
                    files.append(child)
                    found += 1
                }
            }
            guard found > 0 else {
                throw CommandFailure("the folder '\(path)' has no files to read (hidden files, README.md and subfolders are skipped); give a folder of article files")
            }
        }
        return files
    }

    static func read(_ path: String) throws -> [UInt8] {
        do {
            return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw CommandFailure("cannot read '\(path)': \(error.localizedDescription); check that it is a readable file")
        }
    }

    /// The content type `publish` puts on a file's message, from its extension.
    static func contentType(ofName name: String) -> String {
        switch (name as NSString).pathExtension.lowercased() {
        case "html", "htm": "text/html"
        case "json", "jsonl", "ndjson": "application/json"
        default: "text/plain"
        }
    }

    /// True for `.jsonl` and `.ndjson` files: one JSON document per line.
    static func isJSONLines(_ path: String) -> Bool {
        ["jsonl", "ndjson"].contains((path as NSString).pathExtension.lowercased())
    }

    /// True for `.json` files and JSON Lines.
    static func isJSON(_ path: String) -> Bool {
        (path as NSString).pathExtension.lowercased() == "json" || isJSONLines(path)
    }
}
