import Crdkafka

/// A consumer group's description through `rd_kafka_list_groups` (the
/// DescribeGroups request). Blocks; call through `BlockingCall`.
///
/// Not the newer `rd_kafka_DescribeConsumerGroups`: on a broker without the
/// DescribeGroups API (librdkafka's own mock cluster) librdkafka 2.0.2 answers
/// it with UNSUPPORTED_FEATURE and then hangs in `rd_kafka_destroy` (a
/// reference-count bug in its coordinator requests, confluentinc/librdkafka
/// PR #4941). This call has no such path.
extension RDKafkaClient {
    func describeGroup(_ group: String, timeout: Duration) -> Result<KafkaGroupDescription, KafkaError> {
        var list: UnsafePointer<rd_kafka_group_list>?
        let result = rd_kafka_list_groups(handle, group, &list, Self.milliseconds(timeout))
        guard result == RD_KAFKA_RESP_ERR_NO_ERROR || result == RD_KAFKA_RESP_ERR__PARTIAL, let list else {
            return .failure(Self.error(result))
        }
        defer { rd_kafka_group_list_destroy(list) }
        let infos = UnsafeBufferPointer(start: list.pointee.groups, count: Int(list.pointee.group_cnt))
        guard let info = infos.first(where: { String(cString: $0.group) == group && $0.err == RD_KAFKA_RESP_ERR_NO_ERROR }) else {
            if let failed = infos.first(where: { $0.err != RD_KAFKA_RESP_ERR_NO_ERROR }) {
                return .failure(Self.error(failed.err))
            }
            return .success(KafkaGroupDescription(group: group, state: "Dead", members: []))
        }
        let isConsumerGroup = info.protocol_type.map { String(cString: $0) } == "consumer"
        let members = UnsafeBufferPointer(start: info.members, count: Int(info.member_cnt)).map { member in
            let assignment = isConsumerGroup && member.member_assignment_size > 0
                ? UnsafeRawBufferPointer(start: member.member_assignment, count: Int(member.member_assignment_size))
                : UnsafeRawBufferPointer(start: nil, count: 0)
            return KafkaGroupDescription.Member(
                clientID: member.client_id.map { String(cString: $0) } ?? "",
                host: member.client_host.map { String(cString: $0) } ?? "",
                assignment: KafkaGroupDescription.decodeAssignment(Array(assignment))
            )
        }
        return .success(KafkaGroupDescription(group: group, state: info.state.map { String(cString: $0) } ?? "Unknown", members: members))
    }
}
