import ArticleText
import Foundation
import Pipeline

/// The path the worker and `newswire process` run, from the raw bytes of a
/// message to its three encoded records (normalised, parsed, enriched), timed
/// cumulatively per stage on the same inputs in one run: decode, + normalise,
/// + parse, + enrich, + record encoding (the whole chain). Beside it, the
/// normalise stage alone on the pre-decoded texts (the `text-normalise.sh`
/// figure) as the same-run baseline, and the start-up cost (the first input,
/// which loads every table, over a later run of the same input).
///
/// Times are the thread's CPU time, so other work on a shared machine slows
/// the figures far less than wall time would.
///
///   text-chain [--seconds S] FILE...               timed, machine-readable lines
///   text-chain --rounds N [--stage STAGE] FILE...  N untimed rounds of one level
///                                                  (for callgrind and perf)
@main
struct TextChain {
    enum Level: String, CaseIterable {
        case decode, normalise, parse, enrich, chain
    }

    static let reference = Date(timeIntervalSince1970: 1_600_000_000)
    static let version = RecordEncoding.latest(.enriched, major: 1) ?? SchemaVersion(major: 1, minor: 0)

    static func main() throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        var seconds = 2.0
        var rounds: Int?
        var only = Level.chain
        while let flag = arguments.first, flag.hasPrefix("--"), arguments.count >= 2 {
            switch flag {
            case "--seconds": seconds = Double(arguments[1]) ?? seconds
            case "--rounds": rounds = Int(arguments[1])
            case "--stage": only = Level(rawValue: arguments[1]) ?? only
            default: fail("unknown option \(flag)")
            }
            arguments.removeFirst(2)
        }
        guard !arguments.isEmpty else { fail("usage: text-chain [--seconds S | --rounds N [--stage STAGE]] FILE...") }
        let inputs = try arguments.map { RawArticle(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: $0))), receivedAt: reference) }
        let bytes = inputs.reduce(0) { $0 + $1.bytes.count }

        if let rounds {
            var sink = 0
            for _ in 0..<rounds { sink &+= run(only, inputs) }
            print("text-chain stage=\(only.rawValue) rounds=\(rounds) inputs=\(inputs.count) bytes=\(bytes) sink=\(sink)")
            return
        }

        let first = CPUClock.now()
        let firstSink = run(.chain, [inputs[0]])
        let firstSeconds = CPUClock.now() - first
        let again = CPUClock.now()
        _ = run(.chain, [inputs[0]])
        let againSeconds = CPUClock.now() - again
        print(String(format: "startup seconds=%.4f (first input %.4f s, the same input again %.4f s; %d record bytes)",
                     firstSeconds - againSeconds, firstSeconds, againSeconds, firstSink))

        print("chain inputs=\(inputs.count) bytes=\(bytes)")
        var previous = 0.0
        var rates: [Level: Double] = [:]
        for level in Level.allCases {
            let (count, elapsed) = repeating(seconds) { run(level, inputs) }
            let perRound = elapsed / Double(count)
            rates[level] = Double(bytes) / perRound / 1e6
            print(String(format: "level %@ rounds=%d seconds=%.3f mbps=%.2f aps=%.0f stage-ms-per-round=%.3f",
                         level.rawValue, count, elapsed, Double(bytes) / perRound / 1e6, Double(inputs.count) / perRound,
                         (perRound - previous) * 1000))
            previous = perRound
        }
        // The baseline normalises what decodes; an input the decoder rejects
        // (a page with no readable text) is a dead letter in the worker, so
        // the chain above counts it and the baseline leaves it out, saying so.
        var decoded: [SourceDocument] = []
        var rejected: [String] = []
        for (index, input) in inputs.enumerated() {
            do {
                decoded.append(try InputDecoder.decode(input))
            } catch {
                rejected.append("\(arguments[index]): \(error)")
            }
        }
        if !rejected.isEmpty {
            print("baseline leaves out \(rejected.count) input(s) the decoder rejects: \(rejected.joined(separator: "; "))")
        }
        let decodedBytes = decoded.reduce(0) { $0 + $1.text.utf8.count }
        let (count, elapsed) = repeating(seconds) {
            decoded.reduce(0) { $0 &+ Normaliser.normalise($1).searchText.utf8.count }
        }
        let normaliseRate = Double(decodedBytes) * Double(count) / elapsed / 1e6
        print(String(format: "baseline normalise-alone mbps=%.2f (decoded text, %d bytes)", normaliseRate, decodedBytes))
        print(String(format: "ratio chain/normalise-alone=%.3f", (rates[.chain] ?? 0) / normaliseRate))
    }

    /// One pass over every input up to `level`; returns a count that depends on the work.
    static func run(_ level: Level, _ inputs: [RawArticle]) -> Int {
        var sink = 0
        for raw in inputs {
            do {
                switch level {
                case .decode:
                    sink &+= try InputDecoder.decode(raw).text.utf8.count
                case .normalise:
                    sink &+= try TextStages.run(raw, through: .normalise).normalised.searchText.utf8.count
                case .parse:
                    sink &+= try TextStages.run(raw, through: .parse).articles.count
                case .enrich:
                    sink &+= try TextStages.run(raw, through: .enrich).articles.reduce(0) { $0 + ($1.enrichment?.entities.count ?? 0) }
                case .chain:
                    let result = try TextStages.run(raw, through: .enrich)
                    let records = try StageRecords.encode(result, stages: Set(Stage.allCases), enrichedVersion: version, source: nil)
                    sink &+= records.reduce(0) { $0 + $1.bytes.count }
                }
            } catch {
                sink &+= 1
            }
        }
        return sink
    }

    /// Runs `body` once to warm up, then until `minimum` CPU seconds have passed.
    static func repeating(_ minimum: Double, _ body: () -> Int) -> (rounds: Int, seconds: Double) {
        var sink = body()
        var rounds = 0
        let start = CPUClock.now()
        var elapsed = 0.0
        repeat {
            sink &+= body()
            rounds += 1
            elapsed = CPUClock.now() - start
        } while elapsed < minimum
        if sink == 42 { print("") }
        return (rounds, elapsed)
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        exit(2)
    }
}

/// The calling thread's CPU time in seconds.
enum CPUClock {
    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
