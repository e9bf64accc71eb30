import ArticleText
import BenchSupport
import Foundation

// Times the normalise stage (Normaliser.normalise: NFC, controls, whitespace,
// plus the search fold) over every file given on the command line, repeating
// the whole set until at least `--seconds` have passed, and prints one
// machine-readable line:  normalise bytes=… articles=… seconds=… mbps=… aps=…
// With `--decode`, it times InputDecoder.decode on the same files instead.

var paths: [String] = []
var minimumSeconds = 2.0
var mode = "normalise"
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--seconds": minimumSeconds = Double(arguments.next() ?? "") ?? minimumSeconds
    case "--decode": mode = "decode"
    default: paths.append(argument)
    }
}
let inputs: [[UInt8]] = paths.compactMap { FileManager.default.contents(atPath: $0).map { [UInt8]($0) } }
guard !inputs.isEmpty else {
    FileHandle.standardError.write(Data("usage: TextBench [--seconds S] [--decode] FILE…\n".utf8))
    exit(2)
}
let texts = inputs.map { String(decoding: $0, as: UTF8.self) }
let totalBytes = inputs.reduce(0) { $0 + $1.count }

var sink = 0
@MainActor func runOnce() {
    if mode == "decode" {
        for bytes in inputs {
            do {
                sink &+= try InputDecoder.decode(RawArticle(bytes: bytes)).text.utf8.count
            } catch {
                sink &+= error.reason.count
            }
        }
    } else {
        for text in texts {
            let doc = Normaliser.normalise(SourceDocument(text: text, format: .text))
            sink &+= doc.text.utf8.count &+ doc.searchText.utf8.count
        }
    }
}

let (rounds, seconds, _) = Measure.repeating(minimum: minimumSeconds) {
    runOnce()
    return 0
}
let bytes = Double(totalBytes * rounds)
let articles = Double(inputs.count * rounds)
let figures = String(format: "seconds=%.3f mbps=%.2f aps=%.0f", seconds, bytes / seconds / 1e6, articles / seconds)
print("\(mode) bytes=\(totalBytes) articles=\(inputs.count) rounds=\(rounds) \(figures) sink=\(sink % 10)")
