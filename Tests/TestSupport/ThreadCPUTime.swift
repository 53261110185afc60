#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The processor time the calling thread spends in `body`: how the content tests bound the work
/// a malformed file can cause. Unlike the wall clock, it does not grow when a loaded machine
/// (the whole suite on two cores) runs other threads in between.
public func threadCPUTime(_ body: () throws -> Void) rethrows -> Duration {
    let start = currentThreadCPUTime()
    try body()
    return currentThreadCPUTime() - start
}

private func currentThreadCPUTime() -> Duration {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
}
