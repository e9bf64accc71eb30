import ArgumentParser
import Foundation

/// One input of `newswire process` or `publish`: a file, a file of a named
/// folder, or standard input (`-`), or with `--lines` one line of those. It
/// keeps where it came from (for messages and the record's `sourceFile`) and
/// the time relative dates resolve against (the file's modification time).
struct NamedInput {
    /// The path as given or found in a folder; `-` for standard input.
    var path: String
    /// The 1-based line, when each line is its own input.
    var line: Int?
    var bytes: [UInt8]
    var modified: Date?

    /// `Examples/a.txt`, `feed.jsonl:3` or `stdin`, for messages.
    var name: String {
        (path == "-" ? "stdin" : path) + (line.map { ":\($0)" } ?? "")
    }

    /// The last path component (`stdin` for standard input): the Kafka key `publish` uses.
    var fileName: String {
        path == "-" ? "stdin" : (path as NSString).lastPathComponent
    }

    static func load(_ paths: [String], lines: Bool) throws -> [NamedInput] {
        var inputs: [NamedInput] = []
        for path in paths {
            if path == "-" {
                let data = FileHandle.standardInput.readDataToEndOfFile()
                inputs += split(NamedInput(path: "-", bytes: Array(data), modified: nil), lines: lines)
                continue
            }
            for file in try InputFiles.expand([path]) {
                let bytes = try InputFiles.read(file)
                let attributes = try FileManager.default.attributesOfItem(atPath: file)
                inputs += split(NamedInput(path: file, bytes: bytes, modified: attributes[.modificationDate] as? Date), lines: lines)
            }
        }
        return inputs
    }

    private static func split(_ input: NamedInput, lines: Bool) -> [NamedInput] {
        guard lines else { return [input] }
        let blank: Set<UInt8> = [0x20, 0x09, 0x0D]
        return input.bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated()
            .filter { !$0.element.allSatisfy(blank.contains) }
            .map { NamedInput(path: input.path, line: $0.offset + 1, bytes: Array($0.element), modified: input.modified) }
    }
}
