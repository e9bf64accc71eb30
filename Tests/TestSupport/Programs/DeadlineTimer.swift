import Dispatch
import Synchronization

/// Runs a closure once after a delay unless cancelled first (Dispatch's
/// `asyncAfter`; a cancelled timer's block still fires, and does nothing).
public final class DeadlineTimer: Sendable {
    private let cancelled = Atomic<Bool>(false)

    public init() {}

    public func start(after delay: Duration, _ action: @escaping @Sendable () -> Void) {
        let (seconds, attoseconds) = delay.components
        let milliseconds = Int(seconds * 1000 + attoseconds / 1_000_000_000_000_000)
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(milliseconds)) { [self] in
            guard !cancelled.load(ordering: .relaxed) else { return }
            action()
        }
    }

    public func cancel() {
        cancelled.store(true, ordering: .relaxed)
    }
}
