import Foundation

/// One raw input exactly as it arrived (a Kafka message value, a file, stdin),
/// plus what the transport knows about it. The stages never see Kafka; the
/// pipeline fills `receivedAt` from the message timestamp so that relative
/// dates ("منذ ساعتين", "2 hours ago") resolve the same way on every replay.
public struct RawArticle: Sendable, Hashable {
    public var bytes: [UInt8]
    public var declaredFormat: InputFormat
    /// When the message was produced (Kafka timestamp) or the file modified.
    public var receivedAt: Date?
    /// A canonical URL known outside the payload (e.g. a message header).
    public var url: String?

    public init(bytes: [UInt8], declaredFormat: InputFormat = .auto, receivedAt: Date? = nil, url: String? = nil) {
        self.bytes = bytes
        self.declaredFormat = declaredFormat
        self.receivedAt = receivedAt
        self.url = url
    }
}
