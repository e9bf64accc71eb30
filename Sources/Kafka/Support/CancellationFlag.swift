import Synchronization

/// A task's cancellation, visible to a blocking librdkafka call that runs on
/// another thread (`BlockingCall`): the call works in short slices and checks
/// the flag between them, since librdkafka's blocking calls cannot be
/// interrupted from outside.
final class CancellationFlag: Sendable {
    private let cancelled = Atomic<Bool>(false)

    var isCancelled: Bool { cancelled.load(ordering: .acquiring) }

    func cancel() { cancelled.store(true, ordering: .releasing) }

    /// Runs `body` on a Dispatch thread (`BlockingCall`) with a flag that is
    /// set when the calling task is cancelled.
    static func run<T: Sendable>(_ body: @escaping @Sendable (CancellationFlag) -> T) async -> T {
        let flag = CancellationFlag()
        return await withTaskCancellationHandler {
            await BlockingCall.run { body(flag) }
        } onCancel: {
            flag.cancel()
        }
    }
}
