import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The system calls a record write is made of, one method each, so that a test can stop a
/// write between any two of them, as a crash or a full disk would.
public protocol FileOperations: Sendable {
    /// Creates a directory with `mode` (an existing one is left as it is).
    func makeDirectory(_ path: String, mode: mode_t) throws(FileOperationError)
    /// Creates a new file with `mode`; fails if it exists. Returns the open descriptor.
    func createNew(_ path: String, mode: mode_t) throws(FileOperationError) -> Int32
    func write(_ data: Data, to descriptor: Int32) throws(FileOperationError)
    /// Flushes the file's bytes to the disk.
    func sync(_ descriptor: Int32) throws(FileOperationError)
    func close(_ descriptor: Int32) throws(FileOperationError)
    /// Gives the file at `existing` a second name, `new`; fails if `new` exists, so nothing is
    /// ever overwritten.
    func link(_ existing: String, as new: String) throws(FileOperationError)
    func unlink(_ path: String) throws(FileOperationError)
    /// Moves the file at `existing` to `new`, replacing what is there in one step (a file saved
    /// again and again, such as progress; records are never replaced: see ``link(_:as:)``).
    func rename(_ existing: String, over new: String) throws(FileOperationError)
    /// Flushes a directory's entries (a new name) to the disk.
    func syncDirectory(_ path: String) throws(FileOperationError)
}

extension FileOperations {
    /// Writes and flushes `data`, then closes the file, also when writing fails (the descriptor
    /// is never leaked).
    public func writeFlushAndClose(_ data: Data, to descriptor: Int32) throws(FileOperationError) {
        do {
            try write(data, to: descriptor)
            try sync(descriptor)
        } catch {
            try? close(descriptor)
            throw error
        }
        try close(descriptor)
    }

    /// Creates the directory at `path` and those of its parents that are missing, each with
    /// `mode` (on a fresh account even `~/.local/share` may not exist yet).
    func makeDirectoryWithParents(_ path: String, mode: mode_t) throws(FileOperationError) {
        var missing: [String] = []
        var current = URL(filePath: path, directoryHint: .isDirectory).standardizedFileURL
        while current.path != "/", !FileManager.default.fileExists(atPath: current.path) {
            missing.append(current.path)
            current = current.deletingLastPathComponent()
        }
        for directory in missing.reversed() { try makeDirectory(directory, mode: mode) }
        if missing.isEmpty { try makeDirectory(path, mode: mode) }
    }
}

/// A failed system call: which, on what, and the system's reason.
public struct FileOperationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var call: String
    public var path: String
    public var code: Int32

    public init(call: String, path: String, code: Int32) {
        self.call = call
        self.path = path
        self.code = code
    }

    public var alreadyExists: Bool { code == EEXIST }

    /// The file and the reason in words (the call's name is for tests and logs only).
    public var description: String {
        path.hasPrefix("fd ") ? FileProblem.words(errno: code) : "\(path): \(FileProblem.words(errno: code))"
    }
}

/// The real calls.
public struct SystemFileOperations: FileOperations {
    public init() {}

    public func makeDirectory(_ path: String, mode: mode_t) throws(FileOperationError) {
        if mkdir(path, mode) != 0, errno != EEXIST { throw FileOperationError(call: "mkdir", path: path, code: errno) }
    }

    public func createNew(_ path: String, mode: mode_t) throws(FileOperationError) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw FileOperationError(call: "open", path: path, code: errno) }
        return descriptor
    }

    public func write(_ data: Data, to descriptor: Int32) throws(FileOperationError) {
        let failure: Int32? = data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = posixWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        if let failure { throw FileOperationError(call: "write", path: "fd \(descriptor)", code: failure) }
    }

    public func sync(_ descriptor: Int32) throws(FileOperationError) {
        if fsync(descriptor) != 0 { throw FileOperationError(call: "fsync", path: "fd \(descriptor)", code: errno) }
    }

    public func close(_ descriptor: Int32) throws(FileOperationError) {
        if posixClose(descriptor) != 0 { throw FileOperationError(call: "close", path: "fd \(descriptor)", code: errno) }
    }

    public func link(_ existing: String, as new: String) throws(FileOperationError) {
        if posixLink(existing, new) != 0 { throw FileOperationError(call: "link", path: new, code: errno) }
    }

    public func unlink(_ path: String) throws(FileOperationError) {
        if posixUnlink(path) != 0 { throw FileOperationError(call: "unlink", path: path, code: errno) }
    }

    public func rename(_ existing: String, over new: String) throws(FileOperationError) {
        if posixRename(existing, new) != 0 { throw FileOperationError(call: "rename", path: new, code: errno) }
    }

    public func syncDirectory(_ path: String) throws(FileOperationError) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileOperationError(call: "open", path: path, code: errno) }
        defer { _ = posixClose(descriptor) }
        if fsync(descriptor) != 0 { throw FileOperationError(call: "fsync", path: path, code: errno) }
    }
}

// The C functions, under names the methods above do not shadow.
private func posixWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { write(descriptor, bytes, count) }
private func posixClose(_ descriptor: Int32) -> Int32 { close(descriptor) }
private func posixLink(_ existing: String, _ new: String) -> Int32 { link(existing, new) }
private func posixUnlink(_ path: String) -> Int32 { unlink(path) }
private func posixRename(_ existing: String, _ new: String) -> Int32 { rename(existing, new) }
