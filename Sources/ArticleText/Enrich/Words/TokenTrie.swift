/// A trie over interned word ids: each gazetteer name is a path of words from
/// the root, so finding every name that starts at a token walks at most the
/// longest name's length, one table probe per word, however many names there
/// are. Edges live in one open-addressing table keyed by (node, word).
/// Nodes are numbered in order of creation, so each node's parent and word
/// (`parents`, `labels`) rebuild the trie exactly, as a table file keeps it.
struct TokenTrie: Sendable {
    typealias Node = Int32

    static let root: Node = 0

    /// `(node + 1) << 32 | word` per slot; 0 marks an empty slot.
    private var keys: [UInt64]
    private var children: [Node]
    private var mask: Int
    private var edgeCount = 0
    private(set) var nodeCount = 1
    /// Node n's parent and the word on its edge are `parents[n - 1]`, `labels[n - 1]` (the root has none).
    private(set) var parents: [Node] = []
    private(set) var labels: [Int32] = []

    init() {
        keys = Array(repeating: 0, count: 1024)
        children = Array(repeating: 0, count: 1024)
        mask = 1023
    }

    /// The trie whose node n (from 1) hangs from `parents[n - 1]` by word
    /// `labels[n - 1]`; each parent is an earlier node.
    init(parents: [Node], labels: [Int32]) {
        precondition(parents.count == labels.count, "a trie needs one parent and one word per node")
        var size = 1024
        while size < parents.count * 2 + 2 { size *= 2 }
        keys = Array(repeating: 0, count: size)
        children = Array(repeating: 0, count: size)
        mask = size - 1
        for n in 0..<parents.count {
            precondition(parents[n] >= 0 && Int(parents[n]) <= n, "a trie node's parent comes before it")
            place(Self.key(parents[n], labels[n]), Node(n + 1))
        }
        edgeCount = parents.count
        nodeCount = parents.count + 1
        self.parents = parents
        self.labels = labels
    }

    /// The node at the end of `path` from the root, adding the missing edges.
    mutating func insert(_ path: some Sequence<Int32>) -> Node {
        var node = Self.root
        for word in path {
            if let next = child(of: node, word) {
                node = next
                continue
            }
            if (edgeCount + 1) * 2 > keys.count { grow() }
            let next = Node(nodeCount)
            nodeCount += 1
            place(Self.key(node, word), next)
            parents.append(node)
            labels.append(word)
            edgeCount += 1
            node = next
        }
        return node
    }

    /// The node reached from `node` along `word`, or nil.
    @inline(__always)
    func child(of node: Node, _ word: Int32) -> Node? {
        let key = Self.key(node, word)
        var i = Self.slot(key) & mask
        while true {
            let k = keys[i]
            if k == key { return children[i] }
            if k == 0 { return nil }
            i = (i + 1) & mask
        }
    }

    @inline(__always)
    private static func key(_ node: Node, _ word: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: node) &+ 1) << 32 | UInt64(UInt32(bitPattern: word))
    }

    @inline(__always)
    private static func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 29)
    }

    private mutating func place(_ key: UInt64, _ child: Node) {
        var i = Self.slot(key) & mask
        while keys[i] != 0 { i = (i + 1) & mask }
        keys[i] = key
        children[i] = child
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldChildren = children
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        children = Array(repeating: 0, count: oldKeys.count * 2)
        mask = keys.count - 1
        for (i, key) in oldKeys.enumerated() where key != 0 { place(key, oldChildren[i]) }
    }
}
