import ArgumentParser
import Foundation

/// The inputs of `newswire process`: files, the files of folders, or
/// standard input (`-`), each with a name for messages and the time relative
/// dates resolve against (the file's modification time).
struct NamedInputs {
    var name: String
    var bytes: [UInt8]
    var modified: Date?

    static func load(_ paths: [String], lines: Bool) throws -> [NamedInputs] {
        var inputs: [NamedInputs] = []
        for path in paths {
            if path == "-" {
                let data = FileHandle.standardInput.readDataToEndOfFile()
                inputs += split(NamedInputs(name: "stdin", bytes: Array(data), modified: nil), lines: lines)
                continue
            }
            for file in try InputFiles.expand([path]) {
                let bytes = try InputFiles.read(file)
                let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
                let input = NamedInputs(name: file.path, bytes: bytes, modified: attributes[.modificationDate] as? Date)
                inputs += split(input, lines: lines)
            }
        }
        return inputs
    }

    private static func split(_ input: NamedInputs, lines: Bool) -> [NamedInputs] {
        guard lines else { return [input] }
        let blank: Set<UInt8> = [0x20, 0x09, 0x0D]
        return input.bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated()
            .filter { !$0.element.allSatisfy(blank.contains) }
            .map { NamedInputs(name: "\(input.name):\($0.offset + 1)", bytes: Array($0.element), modified: input.modified) }
    }
}
