/// The error every deadline in the tests throws: it names what was awaited and
/// for how long, so a broken build fails with a readable reason instead of
/// hanging the suite.
public struct TimedOut: Error, CustomStringConvertible {
    public var what: String
    public var after: Duration

    public init(_ what: String, after: Duration) {
        self.what = what
        self.after = after
    }

    public var description: String { "timed out after \(after) waiting for \(what)" }
}
