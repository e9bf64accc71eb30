import Foundation
import Synchronization

/// Kills a process that outlives its deadline (a Dispatch timer, so no
/// task sleeps and no cooperative thread is needed to fire it), and
/// remembers whether it had to.
final class Killswitch: Sendable {
    private let timer = DeadlineTimer()
    private let didFire = Atomic<Bool>(false)

    var fired: Bool { didFire.load(ordering: .relaxed) }

    func arm(_ process: Process, after deadline: Duration) {
        timer.start(after: deadline) { [self] in
            guard process.isRunning else { return }
            didFire.store(true, ordering: .relaxed)
            kill(process.processIdentifier, SIGKILL)
        }
    }

    func disarm() {
        timer.cancel()
    }
}
