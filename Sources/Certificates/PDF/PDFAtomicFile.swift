import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a file whole or not at all: the bytes go to a temporary file in the same folder,
/// are flushed to disk, and the temporary file is renamed over the destination.
enum PDFAtomicFile {
    /// Saves `data` at `url`, replacing any file there; a new file gets `permissions`
    /// (less the umask).
    static func write(_ data: Data, to url: URL, permissions: mode_t = 0o644) throws(PDFCertificateError) {
        let path = url.path
        let temporary = url.deletingLastPathComponent()
            .appending(path: ".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
        do throws(POSIXFailure) {
            try writeNew(data, at: temporary, permissions: permissions)
            guard rename(temporary, path) == 0 else { throw POSIXFailure(code: errno) }
        } catch {
            unlink(temporary)
            throw .cannotWrite(path: path, reason: error.reason)
        }
    }

    /// Creates the file at `path` (it must not exist), writes `data` and flushes it.
    private static func writeNew(_ data: Data, at path: String, permissions: mode_t) throws(POSIXFailure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions)
        guard descriptor >= 0 else { throw POSIXFailure(code: errno) }
        var failure = data.withUnsafeBytes { writeAll($0, to: descriptor) }
        if failure == nil, fsync(descriptor) != 0 { failure = POSIXFailure(code: errno) }
        if close(descriptor) != 0, failure == nil { failure = POSIXFailure(code: errno) }
        if let failure { throw failure }
    }

    /// A failed system call's error number, told in words ("No such file or directory").
    struct POSIXFailure: Error {
        let code: Int32
        var reason: String { String(cString: strerror(code)).lowercased() }
    }
}

/// Writes all of `buffer` to `descriptor`, retrying after interruptions; the failure, if any.
private func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) -> PDFAtomicFile.POSIXFailure? {
    guard let base = buffer.baseAddress else { return nil }
    var offset = 0
    while offset < buffer.count {
        let written = write(descriptor, base + offset, buffer.count - offset)
        if written < 0 {
            if errno == EINTR { continue }
            return PDFAtomicFile.POSIXFailure(code: errno)
        }
        offset += written
    }
    return nil
}
