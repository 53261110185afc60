import Crypto
import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A file of tab-separated lines that each end with a tab and an HMAC-SHA256 of the rest of the
/// line (hex), under a key derived (HKDF) from the installation's private key for one purpose:
/// what the summary index (``RecordIndex``) and the answer index (``AnswerIndex``) share.
/// Lines are appended with one `write` under an exclusive lock, so writers at the same time
/// never interleave, and read in parallel, in chunks that end at line ends; a line whose HMAC
/// does not check out is never used, and its number is reported.
struct AuthenticatedLines: Sendable {
    let file: URL
    /// An HMAC already keyed, copied for each line (keying it costs more than a short line).
    private let keyedMAC: HMAC<SHA256>

    /// Lines in `file`, authenticated under the key derived from `installationKey` with `info`.
    init(file: URL, installationKey: InstallationKey, info: String) {
        self.file = file
        let key = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: installationKey.privateKey.rawRepresentation), info: Data(info.utf8),
            outputByteCount: 32)
        keyedMAC = HMAC<SHA256>(key: key)
    }

    /// `body` with its HMAC: a whole line, without its line end.
    func line(_ body: String) -> String {
        body + "\t" + authentication(of: Data(body.utf8))
    }

    /// The line's body (without the HMAC) when its HMAC checks out.
    func body(of line: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        guard let tab = line.lastIndex(of: UInt8(ascii: "\t")),
            authentication(of: line[..<tab]).utf8.elementsEqual(line[(tab + 1)...])
        else { return nil }
        return line[..<tab]
    }

    /// The file as an append finds it, under its lock: its size, and its bytes.
    struct LockedFile {
        let size: Int
        fileprivate let descriptor: Int32

        /// The bytes from `offset` up to `end` (default: the end of the file).
        func bytes(from offset: Int, upTo end: Int? = nil) -> [UInt8] {
            let end = min(end ?? size, size)
            guard offset < end else { return [] }
            var bytes = [UInt8](repeating: 0, count: end - offset)
            let read = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, end - offset, off_t(offset)) }
            bytes.removeLast(end - offset - max(0, read))
            return bytes
        }
    }

    /// Appends the lines `text` gives, under an exclusive lock, in one write; `text` is given the
    /// file as it is under the lock, to read what it needs of it. Returns the file's size after
    /// the write; nil when nothing was written. Failure is not an error for the records: a record
    /// whose line is missing is read from its file.
    @discardableResult
    func append(_ text: (LockedFile) -> String) -> Int? {
        let descriptor = open(file.path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX) == 0 else { return nil }
        let size = Int(lseek(descriptor, 0, SEEK_END))
        let locked = LockedFile(size: max(0, size), descriptor: descriptor)
        let lines = text(locked)
        guard !lines.isEmpty else { return nil }
        // After a line cut short by a crash, start a new line rather than finish that one.
        let cutShort = locked.size > 0 && locked.bytes(from: locked.size - 1) != [UInt8(ascii: "\n")]
        let bytes = Data(((cutShort ? "\n" : "") + lines).utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        return written == bytes.count ? locked.size + written : nil
    }

    /// What ``read(chunkBytes:maximumChunks:_:)`` found.
    struct Reading<Value: Sendable>: Sendable {
        /// Each line whose HMAC checks out and that `parse` read, with its number (from 1).
        var values: [(line: Int, value: Value)] = []
        /// The numbers of the lines that do not check out, or that `parse` could not read.
        var damaged: [Int] = []
    }

    /// The file's bytes, read straight into one array (no copy of a copy: the answer index of a
    /// hundred thousand records is 60 MB); empty when there is no file.
    func contents() -> [UInt8] {
        let descriptor = open(file.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_size > 0 else { return [] }
        let size = Int(status.st_size)
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let read = Glibc.read(descriptor, buffer.baseAddress! + count, size - count)
                guard read > 0 else { break }
                count += read
            }
        }
    }

    /// Reads every line of the file, in parallel: `parse` is given the fields of each line whose
    /// HMAC checks out. Chunks of about `chunkBytes`, at most `maximumChunks`. Nothing when there
    /// is no file.
    func read<Value: Sendable>(
        chunkBytes: Int, maximumChunks: Int, _ parse: @Sendable ([ArraySlice<UInt8>]) -> Value?
    ) -> Reading<Value> {
        read(contents(), chunkBytes: chunkBytes, maximumChunks: maximumChunks, parse)
    }

    /// Reads every line of `bytes` (the file's ``contents()``) as ``read(chunkBytes:maximumChunks:_:)`` does.
    func read<Value: Sendable>(
        _ bytes: [UInt8], chunkBytes: Int, maximumChunks: Int, _ parse: @Sendable ([ArraySlice<UInt8>]) -> Value?
    ) -> Reading<Value> {
        guard !bytes.isEmpty else { return Reading() }
        let chunkCount = max(1, min(maximumChunks, bytes.count / chunkBytes))
        var bounds = [0]
        for chunk in 1..<chunkCount {
            let guess = max(bounds[bounds.count - 1], bytes.count * chunk / chunkCount)
            bounds.append((bytes[guess...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count - 1) + 1)
        }
        bounds.append(bytes.count)
        let limits = bounds
        /// Per chunk: what it found, with line numbers counted within the chunk, and its line count.
        typealias Chunk = (reading: Reading<Value>, lineCount: Int)
        let chunks = Mutex([Chunk](repeating: (Reading(), 0), count: chunkCount))
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            var found: Chunk = (Reading(), 0)
            var start = limits[chunk]
            while start < limits[chunk + 1] {
                let end = bytes[start..<limits[chunk + 1]].firstIndex(of: UInt8(ascii: "\n")) ?? limits[chunk + 1]
                let line = bytes[start..<end]
                if let body = body(of: line),
                    let value = parse(body.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false))
                {
                    found.reading.values.append((line: found.lineCount, value: value))
                } else if end > start {
                    found.reading.damaged.append(found.lineCount)
                }
                found.lineCount += 1
                start = end + 1
            }
            chunks.withLock { $0[chunk] = found }
        }
        var reading = Reading<Value>()
        var linesBefore = 0
        for chunk in chunks.withLock({ $0 }) {
            reading.values += chunk.reading.values.map { (line: linesBefore + $0.line + 1, value: $0.value) }
            reading.damaged += chunk.reading.damaged.map { linesBefore + $0 + 1 }
            linesBefore += chunk.lineCount
        }
        return reading
    }

    private func authentication(of text: some DataProtocol) -> String {
        var mac = keyedMAC
        mac.update(data: text)
        return mac.finalize().hexDigits
    }
}
