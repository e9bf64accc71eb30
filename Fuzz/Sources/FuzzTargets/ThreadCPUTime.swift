#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CPU time used by the calling thread, in nanoseconds. Inputs are timed by
/// CPU time, not wall time: the fuzzers run at nice 19 on a shared machine,
/// where a preempted run would otherwise look slow.
public enum ThreadCPUTime {
    public static func nanoseconds() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}
