#if canImport(Glibc)
    import Glibc
#endif

/// The process's limit on open files, which bounds how many connections the server can hold.
public enum OpenFileLimit {
    /// Raises the soft limit to the hard one (a user may, without privileges) and returns the
    /// soft limit now in force; nil when it cannot be read.
    @discardableResult
    public static func raiseToHardLimit() -> Int? {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return nil }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = limit.rlim_max
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
        }
        return Int(clamping: limit.rlim_cur)
    }
}
