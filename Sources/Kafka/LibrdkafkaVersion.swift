import Crdkafka

/// The librdkafka actually loaded at run time (not the headers built against):
/// the same binary runs on Debian's 2.0.2 or a newer `librdkafka.so.1`.
public enum LibrdkafkaVersion {
    /// e.g. "2.0.2".
    public static var string: String { String(cString: rd_kafka_version_str()) }

    /// The version as a number, 0xMMmmrryy.
    public static var number: Int32 { rd_kafka_version() }

    /// librdkafka before 2.2 misreads tagged fields in some brokers' ApiVersions
    /// replies (fixed upstream in 2.2.0), so it cannot talk to e.g. Tansu.
    public static var parsesTaggedFieldsCorrectly: Bool { number >= 0x0202_0000 }
}
