import ArticleText
import BenchSupport
import Foundation

// Times the normalise stage (Normaliser.normalise: NFC, controls, whitespace,
// plus the search fold) over every file given on the command line, repeating
// the whole set until at least `--seconds` have passed, and prints one
// machine-readable line:  normalise bytes=… articles=… seconds=… mbps=… aps=…
// With `--decode`, it times InputDecoder.decode on the same files instead.
// With `--dump`, it times nothing and prints what each file becomes (the
// decoded text and metadata, or the normalised text and searchText), so a
// change to either stage can be checked for identical output on a corpus.

var paths: [String] = []
var minimumSeconds = 2.0
var mode = "normalise"
var dump = false
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--seconds": minimumSeconds = Double(arguments.next() ?? "") ?? minimumSeconds
    case "--decode": mode = "decode"
    case "--dump": dump = true
    default: paths.append(argument)
    }
}
let inputs: [[UInt8]] = paths.compactMap { FileManager.default.contents(atPath: $0).map { [UInt8]($0) } }
guard !inputs.isEmpty else {
    FileHandle.standardError.write(Data("usage: TextBench [--seconds S] [--decode] [--dump] FILE…\n".utf8))
    exit(2)
}
let texts = inputs.map { String(decoding: $0, as: UTF8.self) }
let totalBytes = inputs.reduce(0) { $0 + $1.count }

if dump {
    for path in paths {
        print("=== \(path)")
        let bytes = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
        if mode == "decode" {
            do {
                let doc = try InputDecoder.decode(RawArticle(bytes: bytes))
                print(String(describing: doc.metadata))
                print(doc.text)
            } catch {
                print("error: \(error.reason)")
            }
        } else {
            let doc = Normaliser.normalise(SourceDocument(text: String(decoding: bytes, as: UTF8.self), format: .text))
            print(String(describing: doc.report))
            print(doc.text)
            print("--- searchText")
            print(doc.searchText)
        }
    }
    exit(0)
}

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
