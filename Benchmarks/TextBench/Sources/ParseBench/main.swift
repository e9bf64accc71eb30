import ArticleText
import BenchSupport
import Foundation

// Times the parse stage (ArticleParser.parse) over every file given, each
// decoded and normalised once beforehand, repeating the set until at least
// `--seconds` have passed. In the same run it times normalise on the same
// texts as the baseline, and checks linearity on adversarial inputs: the time
// for 4n bytes over the time for n bytes (≈4 when linear). Prints
// machine-readable lines:
//   parse bytes=… articles=… out=… seconds=… mbps=… aps=…
//   normalise … (baseline)   ratio parse/normalise=…
//   linear unit=… n=… t(4n)/t(n)=…

var paths: [String] = []
var minimumSeconds = 2.0
var checkLinearity = true
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--seconds": minimumSeconds = Double(arguments.next() ?? "") ?? minimumSeconds
    case "--no-linear": checkLinearity = false
    default: paths.append(argument)
    }
}
let sources = CorpusSources.decode(paths, usage: "ParseBench [--seconds S] [--no-linear] FILE…")
let documents = sources.map(Normaliser.normalise)
let totalBytes = documents.reduce(0) { $0 + $1.text.utf8.count }
let context = ParseContext(referenceDate: Date(timeIntervalSince1970: 1_600_000_000))

var produced = 0
let parse = Measure.repeating(minimum: minimumSeconds) {
    var count = 0
    for doc in documents { count += ArticleParser.parse(doc, context: context).count }
    produced = count
    return count
}
let normalise = Measure.repeating(minimum: minimumSeconds) {
    var n = 0
    for source in sources { n &+= Normaliser.normalise(source).text.utf8.count }
    return n
}

func rate(_ r: (rounds: Int, seconds: Double, sink: Int)) -> (mbps: Double, aps: Double) {
    (Double(totalBytes * r.rounds) / r.seconds / 1e6, Double(documents.count * r.rounds) / r.seconds)
}
let p = rate(parse)
let n = rate(normalise)
print(String(format: "parse bytes=%d articles=%d out=%d rounds=%d seconds=%.3f mbps=%.2f aps=%.0f",
             totalBytes, documents.count, produced, parse.rounds, parse.seconds, p.mbps, p.aps))
print(String(format: "normalise bytes=%d articles=%d rounds=%d seconds=%.3f mbps=%.2f aps=%.0f",
             totalBytes, documents.count, normalise.rounds, normalise.seconds, n.mbps, n.aps))
print(String(format: "ratio parse/normalise=%.2f", p.mbps / n.mbps))

// Linearity on hostile inputs: n = 512 KiB against 4n = 2 MiB.
let units = !checkLinearity ? [] : ["إقرأ أيضاً:\n", "إقرأ أيضاً: ", "1234567890/", "((((((((((", "أبريل 13, 2024آخر تحديث: ", "١٢/١٢/١٢ ", "a - b (c) -- \n"]
for unit in units {
    func time(_ bytes: Int) -> Double {
        let text = String(repeating: unit, count: bytes / unit.utf8.count)
        let doc = Normaliser.normalise(SourceDocument(text: text, format: .text))
        let r = Measure.repeating(minimum: 0.2) { ArticleParser.parse(doc, context: context).count }
        return r.seconds / Double(r.rounds)
    }
    let small = time(512 * 1024)
    let large = time(2 * 1024 * 1024)
    let name = unit.replacingOccurrences(of: "\n", with: "\\n")
    print(String(format: "linear unit=\"%@\" t(512KiB)=%.4fs t(2MiB)=%.4fs ratio=%.2f", name, small, large, large / small))
}
