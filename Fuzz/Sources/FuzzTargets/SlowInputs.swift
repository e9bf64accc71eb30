import Foundation
import Synchronization

/// Times every run of a target (CPU time of the fuzzing thread) and keeps the
/// inputs slower than a threshold (libFuzzer's own `-report_slow_units`
/// counts whole seconds of wall time only): writes
/// each as `slow-<ms>-<hash>` into `$FUZZ_SLOW_DIR`, and the slowest time so
/// far into `$FUZZ_SLOW_DIR/slowest-ms`, for Scripts/fuzz.sh to report.
enum SlowInputs {
    private struct State {
        var slowestNanoseconds: Int64 = 0
        var directory: URL?
        var thresholdNanoseconds: Int64 = 100_000_000
        var configured = false
    }

    private static let state = Mutex(State())

    /// Runs `target` once on each input form before fuzzing starts, so the
    /// one-time loading of the stages' resource tables is not taken for a
    /// slow input.
    static func warmUp(_ target: FuzzTarget) {
        let samples = [
            "Title\nPublished: 3 March 2024\nLONDON (Reuters) - The council met on Tuesday.",
            "عنوان الخبر\nالرياض 13 أبريل 2024 (واس) - قال وزير الزراعة إن الخطة جاهزة.",
            "<html><head><title>t</title></head><body><p>Body text.</p></body></html>",
            "{\"schema\":\"article.raw\",\"body\":\"Body text.\"}",
        ]
        for sample in samples {
            target.run(Array(sample.utf8))
        }
    }

    /// Runs `target` on the input, timing it.
    static func run(_ target: FuzzTarget, _ data: UnsafePointer<UInt8>?, _ size: Int) {
        let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
        let start = ThreadCPUTime.nanoseconds()
        target.run(bytes)
        record(bytes, nanoseconds: ThreadCPUTime.nanoseconds() - start)
    }

    private static func record(_ bytes: [UInt8], nanoseconds: Int64) {
        state.withLock { state in
            if !state.configured {
                state.configured = true
                let environment = ProcessInfo.processInfo.environment
                state.directory = environment["FUZZ_SLOW_DIR"].map { URL(fileURLWithPath: $0) }
                if let ms = environment["FUZZ_SLOW_MS"].flatMap(Int64.init) { state.thresholdNanoseconds = ms * 1_000_000 }
            }
            guard let directory = state.directory else { return }
            let milliseconds = nanoseconds / 1_000_000
            if nanoseconds > state.slowestNanoseconds {
                state.slowestNanoseconds = nanoseconds
                write(Array("\(Double(nanoseconds) / 1e6)\n".utf8), to: directory.appendingPathComponent("slowest-ms"))
            }
            if nanoseconds > state.thresholdNanoseconds {
                let name = "slow-\(milliseconds)-\(String(fnv1a(bytes), radix: 16))"
                write(bytes, to: directory.appendingPathComponent(name))
            }
        }
    }

    private static func write(_ bytes: [UInt8], to url: URL) {
        do {
            try Data(bytes).write(to: url, options: .atomic)
        } catch {
            FileHandle.standardError.write(Data("fuzz: could not write \(url.path): \(error)\n".utf8))
        }
    }

    private static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash
    }
}
