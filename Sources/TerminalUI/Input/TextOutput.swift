#if canImport(Glibc)
    import Glibc
#endif

/// Where the session writes. Tests capture it; the executable writes to standard output.
public protocol TextOutput: Sendable {
    func write(_ text: String)
    func flush()
}

/// Standard output.
public struct StandardOutput: TextOutput {
    public init() {}

    public func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                Glibc.write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
            }
            guard written > 0 else { return }
            offset += written
        }
    }

    /// Writes go straight to the file descriptor; this flushes C stdio buffers (readline's).
    public func flush() {
        fflush(nil)
    }
}
