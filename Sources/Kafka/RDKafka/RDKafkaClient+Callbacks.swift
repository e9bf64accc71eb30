import Crdkafka
import Foundation
import Logging

/// The C callbacks. Each is a closure that captures nothing and finds its
/// Swift context through librdkafka's opaque pointer.
extension RDKafkaClient {
    static func installCallbacks(_ conf: OpaquePointer, kind: Kind) {
        rd_kafka_conf_set_log_cb(conf) { handle, level, facility, message in
            guard let handle, let context = RDKafkaClient.context(rd_kafka_opaque(handle)) else { return }
            RDKafkaClient.log(context.logger, level: level, facility: facility, message: message)
        }
        rd_kafka_conf_set_error_cb(conf) { handle, code, reason, opaque in
            guard let handle, let context = RDKafkaClient.context(opaque) else { return }
            RDKafkaClient.handleError(handle, context: context, code: code, reason: reason)
        }
        rd_kafka_conf_set_stats_cb(conf) { _, json, length, opaque in
            guard let json, let context = RDKafkaClient.context(opaque) else { return 0 }
            let data = Data(bytes: json, count: length)
            do {
                context.statisticsContinuation.yield(try KafkaStatistics(json: data))
            } catch {
                context.logger.warning("could not decode librdkafka statistics: \(error)")
            }
            return 0
        }
        switch kind {
        case .producer:
            rd_kafka_conf_set_dr_msg_cb(conf) { _, message, opaque in
                guard let message, let context = RDKafkaClient.context(opaque) else { return }
                RDKafkaClient.handleDelivery(message, context: context)
            }
        case .consumer:
            rd_kafka_conf_set_rebalance_cb(conf) { handle, code, partitions, opaque in
                guard let handle, let context = RDKafkaClient.context(opaque) else { return }
                RDKafkaClient.handleRebalance(handle, context: context, code: code, partitions: partitions)
            }
        }
    }

    /// syslog levels (0 emergency … 7 debug) to swift-log levels.
    static func log(_ logger: Logger, level: Int32, facility: UnsafePointer<CChar>?, message: UnsafePointer<CChar>?) {
        let swiftLevel: Logger.Level =
            switch level {
            case ...2: .critical
            case 3: .error
            case 4: .warning
            case 5: .notice
            case 6: .info
            default: .debug
            }
        guard logger.logLevel <= swiftLevel else { return }
        let text = message.map { String(cString: $0) } ?? ""
        let facilityText = facility.map { String(cString: $0) } ?? ""
        logger.log(level: swiftLevel, "\(text)", metadata: ["librdkafka.facility": "\(facilityText)"])
    }

    static func handleError(_ handle: OpaquePointer, context: RDKafkaClientContext, code: Int32, reason: UnsafePointer<CChar>?) {
        let text = reason.map { String(cString: $0) } ?? ""
        if code == RD_KAFKA_RESP_ERR__FATAL.rawValue {
            var errorText = [CChar](repeating: 0, count: RDKafkaConstants.errorStringSize)
            let fatalCode = rd_kafka_fatal_error(handle, &errorText, errorText.count)
            var error = RDKafkaClient.error(fatalCode, message: RDKafkaClient.string(errorText))
            error.isFatal = true
            context.fatalError.withLock { $0 = $0 ?? error }
            context.logger.critical("fatal Kafka error: \(error)")
            return
        }
        let error = RDKafkaClient.error(rd_kafka_resp_err_t(rawValue: code), message: text)
        context.logger.warning("Kafka error: \(error)")
        if let events = context.events {
            context.flushPendingMessages()
            events.push(.error(error))
        }
    }
}
