import Foundation

/// Output without Glibc's `stdout` global, which Swift 6 strict concurrency
/// rejects. Lines are written whole, so concurrent writers never interleave
/// inside a line.
enum StandardStreams {
    static func writeLine(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func writeLine(_ bytes: [UInt8]) {
        var data = Data(bytes)
        data.append(0x0A)
        FileHandle.standardOutput.write(data)
    }

    static func warn(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
