#if canImport(Glibc)
import Glibc
#endif

/// Makes glibc's malloc return large buffers to the system as soon as they
/// are freed.
///
/// The worker allocates and frees message-sized buffers (up to MiBs) on many
/// threads. glibc raises its mmap threshold each time such a buffer is freed,
/// after which large buffers come from per-thread heaps that keep their pages:
/// resident memory then creeps far above what is in flight. A fixed threshold
/// (what `MALLOC_MMAP_THRESHOLD_=131072` does) keeps every buffer over 128 KiB
/// in its own mapping, returned on free. `mallopt` is not in Swift's Glibc
/// module, so it is looked up by name; without glibc this does nothing.
enum MallocTuning {
    private typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
    /// glibc's `M_MMAP_THRESHOLD` parameter number.
    private static let mmapThreshold: Int32 = -3

    static func returnLargeBuffersAtOnce(threshold: Int32 = 128 * 1024) {
        #if canImport(Glibc)
        // RTLD_DEFAULT is the null handle in glibc.
        guard let symbol = dlsym(nil, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        _ = mallopt(mmapThreshold, threshold)
        #endif
    }
}
