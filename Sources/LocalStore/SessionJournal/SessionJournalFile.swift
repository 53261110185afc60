import Foundation
import GroupSessions
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An open session journal, `<data dir>/sessions/<id>/journal.jsonl`: one JSON line per event,
/// appended in order. This process holds it (an exclusive `flock`, released however the process
/// ends) so that no second host writes to it.
///
/// Saving is shared: every event appended while the disk is flushed is saved by the next flush,
/// so a room where hundreds answer at once waits for a few flushes, not one per answer.
public final class SessionJournalFile: SessionJournal, Sendable {
    public let file: URL
    private let descriptor: Int32
    private let state: Mutex<State>
    private let flushing = DispatchQueue(label: "csec-trainer.session-journal")

    private struct State {
        /// The length of the file: what a failed write is cut back to.
        var length: Int
        /// How many events were appended (the last one's place).
        var appended = 0
        /// Every event up to this place is on the disk.
        var saved = 0
        var flushInProgress = false
        var waiting: [(place: Int, continuation: CheckedContinuation<Void, any Error>)] = []
        /// A flush that failed: the file's state on the disk is unknown, so nothing more is taken.
        var failure: SessionJournalError?
        /// ``close()`` let go of the file.
        var closed = false
    }

    /// Takes `file`, opened as `descriptor` (appending) and `length` bytes long.
    init(file: URL, descriptor: Int32, length: Int) throws(SessionJournalError) {
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let failure = errno
            closeDescriptor(descriptor)
            if failure == EWOULDBLOCK { throw .inUse(path: file.path) }
            throw .cannotWrite(path: file.path, reason: String(cString: strerror(failure)))
        }
        self.file = file
        self.descriptor = descriptor
        state = Mutex(State(length: length))
    }

    deinit {
        close()
    }

    /// Lets go of the file, and with it the session (another host may take it at once). Call it
    /// once every save has returned; the journal takes nothing more after it. Without it, the
    /// file is let go when the journal is released, which a flush just finished may delay.
    public func close() {
        let descriptor = state.withLock { state -> Int32? in
            guard !state.closed else { return nil }
            state.closed = true
            state.failure = state.failure ?? .cannotWrite(path: file.path, reason: "the journal is closed")
            return self.descriptor
        }
        if let descriptor { closeDescriptor(descriptor) }
    }

    /// Writes `event` as the journal's next line (not yet flushed: see ``save(through:)``).
    public func append(_ event: SessionEvent) throws -> Int {
        try appendLine(encodedLine(event))
    }

    /// Returns once every event up to `place` is flushed to the disk.
    public func save(through place: Int) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let startFlushing = state.withLock { state in
                if place <= state.saved {
                    continuation.resume()
                    return false
                }
                if let failure = state.failure {
                    continuation.resume(throwing: failure)
                    return false
                }
                state.waiting.append((place, continuation))
                guard !state.flushInProgress else { return false }
                state.flushInProgress = true
                return true
            }
            if startFlushing { flushing.async { self.flushWhileWaited() } }
        }
    }

    /// Marks the session finished (its records are written): the journal cannot be resumed.
    public func markFinished(at date: Date) throws(SessionJournalError) {
        _ = try appendLine(encodedLine(SessionJournalEnd(finished: date)))
        guard fsync(descriptor) == 0 else { throw .cannotWrite(path: file.path, reason: String(cString: strerror(errno))) }
    }

    /// Writes the header and the session's start, and flushes them.
    func start(_ header: SessionJournalHeader, _ creation: SessionCreation) throws(SessionJournalError) {
        _ = try appendLine(encodedLine(header))
        _ = try appendLine(encodedLine(SessionEvent.created(creation)))
        guard fsync(descriptor) == 0 else { throw .cannotWrite(path: file.path, reason: String(cString: strerror(errno))) }
    }

    /// The file's length once reopened (and any cut-short line cut off).
    func resetLength(to length: Int) {
        state.withLock { $0.length = length }
    }

    // MARK: Writing

    /// `value` as one line of JSON.
    private func encodedLine(_ value: some Encodable) throws(SessionJournalError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        do {
            return try encoder.encode(value) + Data("\n".utf8)
        } catch {
            throw .cannotWrite(path: file.path, reason: "it could not be encoded: \(error)")
        }
    }

    /// Writes `line` whole at the end, or cuts the file back to where it was: a failed write
    /// never leaves half a line for the next to follow.
    private func appendLine(_ line: Data) throws(SessionJournalError) -> Int {
        try state.withLock { (state) throws(SessionJournalError) -> Int in
            if let failure = state.failure { throw failure }
            var written = 0
            let failure: Int32? = line.withUnsafeBytes { buffer in
                while written < buffer.count {
                    let result = write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                    if result < 0 {
                        if errno == EINTR { continue }
                        return errno
                    }
                    written += result
                }
                return nil
            }
            if let failure {
                _ = ftruncate(descriptor, off_t(state.length))
                throw .cannotWrite(path: file.path, reason: String(cString: strerror(failure)))
            }
            state.length += written
            state.appended += 1
            return state.appended
        }
    }

    /// Flushes the file's bytes (and its length) to the disk: `fdatasync`, which skips the
    /// modification time that `fsync` would also write, where there is one.
    private static func flushData(_ descriptor: Int32) -> Int32 {
        #if canImport(Glibc)
            fdatasync(descriptor)
        #else
            fsync(descriptor)
        #endif
    }

    /// Flushes until no one waits: each flush saves every event appended before it began.
    private func flushWhileWaited() {
        while true {
            let target = state.withLock { $0.appended }
            let failure = Self.flushData(descriptor) == 0 ? nil : errno
            let (ready, failed, more) = state.withLock { state in
                if let failure {
                    state.failure = .cannotWrite(path: file.path, reason: String(cString: strerror(failure)))
                } else {
                    state.saved = max(state.saved, target)
                }
                let saved = state.saved
                let ready = state.failure == nil ? state.waiting.filter { $0.place <= saved } : state.waiting
                state.waiting.removeAll { state.failure != nil || $0.place <= saved }
                state.flushInProgress = !state.waiting.isEmpty
                return (ready.map(\.continuation), state.failure, state.flushInProgress)
            }
            for continuation in ready {
                if let failed { continuation.resume(throwing: failed) } else { continuation.resume() }
            }
            if !more { return }
        }
    }
}

/// The C function, under a name ``SessionJournalFile/close()`` does not shadow.
private func closeDescriptor(_ descriptor: Int32) { _ = close(descriptor) }
