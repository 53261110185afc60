#if canImport(Glibc)
    import Glibc
#endif

/// Where the session writes. Tests capture it; the executable writes to standard output.
public protocol TextOutput: Sendable {
    func write(_ text: String)
    func flush()
    /// Shows a text that may be longer than the screen (the county's protocol); by default the
    /// same as `write`.
    func page(_ text: String)
}

extension TextOutput {
    public func page(_ text: String) { write(text) }
}

/// Standard output, with a pager for long texts when one is given.
public struct StandardOutput: TextOutput {
    private let pager: Pager?

    public init(pager: Pager? = nil) {
        self.pager = pager
    }

    /// Through the pager when the text does not fit the screen; else written.
    public func page(_ text: String) {
        flush()
        if pager?.page(text) != true { write(text) }
    }

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
