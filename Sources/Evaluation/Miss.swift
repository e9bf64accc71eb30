/// One wrong field of one file: what the label says and what the stages gave.
public struct Miss: Sendable, Hashable {
    public var file: String
    public var field: String
    public var expected: String
    public var got: String

    public init(file: String, field: String, expected: String?, got: String?) {
        self.file = file
        self.field = field
        self.expected = expected ?? "null"
        self.got = got ?? "null"
    }
}
