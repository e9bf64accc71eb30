import Synchronization

/// The target one fuzzing process runs. libFuzzer calls back through a C
/// function pointer, which cannot capture the target, so it is kept here.
public enum FuzzSession {
    private static let target = Mutex<FuzzTarget>(.decode)

    /// Chooses the target and loads its resource tables before fuzzing starts.
    public static func start(_ chosen: FuzzTarget) {
        target.withLock { $0 = chosen }
        SlowInputs.warmUp(chosen)
    }

    /// One input from libFuzzer.
    public static func run(_ data: UnsafePointer<UInt8>?, _ size: Int) {
        SlowInputs.run(target.withLock { $0 }, data, size)
    }
}
