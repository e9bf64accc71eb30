import Foundation

/// What parse needs besides the text: the moment relative dates resolve
/// against (the message timestamp, never the wall clock, so replays agree).
public struct ParseContext: Sendable, Hashable {
    public var referenceDate: Date?
    /// Time zone for dates the text states without one; `nil` keeps them as
    /// plain dates or local times without an offset.
    public var timeZone: TimeZone?

    public init(referenceDate: Date? = nil, timeZone: TimeZone? = nil) {
        self.referenceDate = referenceDate
        self.timeZone = timeZone
    }
}
