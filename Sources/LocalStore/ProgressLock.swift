import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One process at a time on a trainee's saved session: an exclusive `flock` on a lock file next
/// to the progress file. The operating system releases it when the process ends in any way, a
/// crash or `kill -9` included, so it never stays stuck; a second process is refused at once
/// (``StoreError/inUse(path:trainee:)``) rather than both scoring and one record being lost.
public final class ProgressLock: Sendable {
    public let file: URL
    private let descriptor: Int32

    init(file: URL, trainee: String) throws(StoreError) {
        let descriptor = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw StoreError.cannotWrite(path: file.path, reason: String(cString: strerror(errno)))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let failure = errno
            close(descriptor)
            if failure == EWOULDBLOCK { throw StoreError.inUse(path: file.path, trainee: trainee) }
            throw StoreError.cannotWrite(path: file.path, reason: String(cString: strerror(failure)))
        }
        self.file = file
        self.descriptor = descriptor
    }

    deinit {
        // Unlocked first, then closed: a child process forked by another thread at this moment
        // shares the lock's open file until it runs its program, and closing alone would leave
        // the lock held until then (the next step of the same trainee was refused in CI).
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
