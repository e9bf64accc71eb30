/// SimHash's feature weights: a sum per 64-bit feature hash, in a growable
/// open-addressing table (the keys are hashes already, so a multiply spreads
/// them), read back in hash order.
struct FeatureWeights {
    private var keys: [UInt64]
    private var used: [Bool]
    private var weights: [Double]
    private var mask: Int
    private var count = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        keys = Array(repeating: 0, count: size)
        used = Array(repeating: false, count: size)
        weights = Array(repeating: 0, count: size)
        mask = size - 1
    }

    mutating func add(_ weight: Double, to key: UInt64) {
        var i = Self.slot(key) & mask
        while used[i] {
            if keys[i] == key {
                weights[i] += weight
                return
            }
            i = (i + 1) & mask
        }
        used[i] = true
        keys[i] = key
        weights[i] = weight
        count += 1
        if count * 2 > keys.count { grow() }
    }

    /// Every (hash, summed weight), by hash.
    func sortedByHash() -> [(UInt64, Double)] {
        keys.indices.filter { used[$0] }.map { (keys[$0], weights[$0]) }.sorted { $0.0 < $1.0 }
    }

    private static func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32)
    }

    private mutating func grow() {
        let entries = keys.indices.filter { used[$0] }.map { (keys[$0], weights[$0]) }
        let size = keys.count * 2
        keys = Array(repeating: 0, count: size)
        used = Array(repeating: false, count: size)
        weights = Array(repeating: 0, count: size)
        mask = size - 1
        for (key, weight) in entries {
            var i = Self.slot(key) & mask
            while used[i] { i = (i + 1) & mask }
            used[i] = true
            keys[i] = key
            weights[i] = weight
        }
    }
}
