import Foundation
import RecordStore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The embedded audit log, `accounts/audit.jsonl`: one ``AuditChain`` line per event, appended
/// (the file is opened for appending only) and flushed to the disk, never rewritten. The
/// caller holds the store's lock, so the last line read is still the last when the next is
/// written.
struct AuditLogFile {
    let file: URL

    func append(_ event: AuditEvent) throws(AccountError) {
        let descriptor = open(file.path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .storage(location: file.path, reason: FileProblem.words(errno: errno)) }
        defer { close(descriptor) }
        let (last, endsWithNewline) = lastLine(of: descriptor)
        let line = try AuditChain.line(for: event, after: last)
        // A line cut short by a crash stays as it is (reading the log reports it); ours starts afresh.
        let text = (endsWithNewline ? "" : "\n") + line + "\n"
        do {
            try SystemFileOperations().write(Data(text.utf8), to: descriptor)
            try SystemFileOperations().sync(descriptor)
        } catch {
            throw .storage(location: file.path, reason: "cannot be written: \(error.description)")
        }
    }

    func read() throws(AccountError) -> AuditTrail {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            if FileManager.default.fileExists(atPath: file.path) {
                throw .storage(location: file.path, reason: "cannot be read (permission denied, or not a file)")
            }
            return AuditTrail()
        }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        return AuditChain.check(lines)
    }

    /// The last whole line of the open log, and whether the file ends with a line break (or is
    /// empty). Reads backwards from the end in growing pieces: a long log is not read whole.
    private func lastLine(of descriptor: Int32) -> (String?, Bool) {
        let size = Int(lseek(descriptor, 0, SEEK_END))
        guard size > 0 else { return (nil, true) }
        var length = min(size, 4096)
        while true {
            var buffer = [UInt8](repeating: 0, count: length)
            guard pread(descriptor, &buffer, length, off_t(size - length)) == length else { return (nil, true) }
            let endsWithNewline = buffer.last == UInt8(ascii: "\n")
            var lines = buffer.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
            if length < size { lines = Array(lines.dropFirst()) }  // may start mid-line
            let texts = lines.reversed().lazy.map { String(decoding: $0, as: UTF8.self) }
            if let last = texts.first(where: { AuditChain.decode(Substring($0)) != nil }) {
                return (last, endsWithNewline)
            }
            if length == size { return (nil, endsWithNewline) }
            length = min(size, length * 8)
        }
    }
}
