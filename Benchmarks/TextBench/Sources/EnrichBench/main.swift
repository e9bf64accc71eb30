import ArticleText
import BenchSupport
import Foundation

// Times the enrich stage (Enricher.enrich) over every article parsed from the
// files given (each decoded, normalised and parsed once beforehand), repeating
// the set until at least `--seconds` have passed. The first call, which loads
// the gazetteers and lexicons, is timed on its own. In the same run it times
// parse on the same documents as the baseline. Prints machine-readable lines:
//   enrich-load seconds=…
//   enrich articles=… rounds=… seconds=… aps=… mbps=…
//   parse … (baseline)   ratio enrich/parse=…

var paths: [String] = []
var minimumSeconds = 2.0
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--seconds": minimumSeconds = Double(arguments.next() ?? "") ?? minimumSeconds
    default: paths.append(argument)
    }
}
let sources = CorpusSources.decode(paths, usage: "EnrichBench [--seconds S] FILE…")
let context = ParseContext(referenceDate: Date(timeIntervalSince1970: 1_600_000_000))
let documents = sources.map(Normaliser.normalise)
let articles = documents.flatMap { ArticleParser.parse($0, context: context) }
let totalBytes = articles.reduce(0) { $0 + $1.text.utf8.count }

let loadStart = Measure.cpuSeconds()
let first = Enricher.enrich(articles[0])
let load = Measure.cpuSeconds() - loadStart

let enrich = Measure.repeating(minimum: minimumSeconds) {
    var n = 0
    for article in articles { n &+= Enricher.enrich(article).entities.count }
    return n
}
let parse = Measure.repeating(minimum: minimumSeconds) {
    var n = 0
    for doc in documents { n &+= ArticleParser.parse(doc, context: context).count }
    return n
}
let enrichAps = Double(articles.count * enrich.rounds) / enrich.seconds
let parseAps = Double(documents.count * parse.rounds) / parse.seconds
print(String(format: "enrich-load seconds=%.3f (first call: loads gazetteers and lexicons; %d entities)", load, first.entities.count))
print(String(format: "enrich articles=%d bytes=%d rounds=%d seconds=%.3f aps=%.1f mbps=%.2f",
             articles.count, totalBytes, enrich.rounds, enrich.seconds, enrichAps,
             Double(totalBytes * enrich.rounds) / enrich.seconds / 1e6))
print(String(format: "parse documents=%d rounds=%d seconds=%.3f aps=%.1f (baseline, same run)",
             documents.count, parse.rounds, parse.seconds, parseAps))
print(String(format: "ratio enrich/parse time per article=%.2f", parseAps / enrichAps))
