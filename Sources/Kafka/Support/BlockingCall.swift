import Dispatch

/// Runs a librdkafka call that blocks (metadata, commit, transactions, admin)
/// on a Dispatch thread, so it never occupies one of Swift's few cooperative
/// threads (2 on this machine), and resumes the caller when it returns.
enum BlockingCall {
    static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: body())
            }
        }
    }
}
