import ArgumentParser

/// A duration flag such as `--drain-timeout 10s`: a whole number with `ms`,
/// `s` or `m` (a bare number means seconds).
enum DurationText {
    static func parse(_ text: String, flag: String) throws -> Duration {
        let units: [(suffix: String, scale: Int64)] = [("ms", 1), ("s", 1000), ("m", 60_000)]
        for unit in units where text.hasSuffix(unit.suffix) {
            if let value = Int64(text.dropLast(unit.suffix.count)), value >= 0 {
                return .milliseconds(value * unit.scale)
            }
        }
        if let seconds = Int64(text), seconds >= 0 { return .seconds(seconds) }
        throw ValidationError("--\(flag) '\(text)' is not a duration; write a whole number with ms, s or m, e.g. 10s or 500ms")
    }
}

/// A byte-size flag such as `--max-in-flight-bytes 64MiB`: a whole number
/// with an optional unit (B, KB, MB, GB in powers of 1000; KiB, MiB, GiB in
/// powers of 1024).
enum ByteSizeText {
    static func parse(_ text: String, flag: String) throws -> Int {
        let units: [(suffix: String, scale: Int)] = [
            ("KiB", 1 << 10), ("MiB", 1 << 20), ("GiB", 1 << 30), ("KB", 1000), ("MB", 1_000_000), ("GB", 1_000_000_000), ("B", 1),
        ]
        for unit in units where text.hasSuffix(unit.suffix) {
            if let value = Int(text.dropLast(unit.suffix.count)), value > 0 { return value * unit.scale }
        }
        if let value = Int(text), value > 0 { return value }
        throw ValidationError("--\(flag) '\(text)' is not a size; write a whole number with an optional unit, e.g. 64MiB or 50000000")
    }
}
