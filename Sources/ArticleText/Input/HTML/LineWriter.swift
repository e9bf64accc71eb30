/// Accumulates inline text into lines, one per block.
struct LineWriter {
    private(set) var lines: [String] = []
    private var current = TextCollector()

    mutating func add(_ text: String) { current.add(text) }

    mutating func space() { current.space() }

    mutating func endBlock() {
        guard !current.isEmpty else { return }
        let line = current.result
        if lines.last != line { lines.append(line) }
        current = TextCollector()
    }
}
