import Foundation
import RecordStore
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The real file operations, until call number `crashAt`: that call fails as a crash would
/// interrupt it (a write puts half its bytes down first), and every later call fails too,
/// because a crashed process does nothing more, not even clean up.
public final class FaultInjectingOperations: FileOperations {
    private let real = SystemFileOperations()
    private let crashAt: Int
    private let calls = Mutex(0)

    public init(crashAt: Int) {
        self.crashAt = crashAt
    }

    /// How many calls were made (for counting the calls of a whole write).
    public var callCount: Int { calls.withLock { $0 } }

    private func step(_ name: String, _ path: String = "") throws(FileOperationError) -> Bool {
        let number = calls.withLock { count in
            defer { count += 1 }
            return count
        }
        if number > crashAt { throw FileOperationError(call: name, path: path, code: EIO) }
        return number == crashAt
    }

    public func makeDirectory(_ path: String, mode: mode_t) throws(FileOperationError) {
        if try step("mkdir", path) { throw FileOperationError(call: "mkdir", path: path, code: EIO) }
        try real.makeDirectory(path, mode: mode)
    }

    public func createNew(_ path: String, mode: mode_t) throws(FileOperationError) -> Int32 {
        if try step("open", path) { throw FileOperationError(call: "open", path: path, code: EIO) }
        return try real.createNew(path, mode: mode)
    }

    public func write(_ data: Data, to descriptor: Int32) throws(FileOperationError) {
        if try step("write") {
            try real.write(data.prefix(data.count / 2), to: descriptor)
            throw FileOperationError(call: "write", path: "fd \(descriptor)", code: EIO)
        }
        try real.write(data, to: descriptor)
    }

    public func sync(_ descriptor: Int32) throws(FileOperationError) {
        if try step("fsync") { throw FileOperationError(call: "fsync", path: "", code: EIO) }
        try real.sync(descriptor)
    }

    public func close(_ descriptor: Int32) throws(FileOperationError) {
        // The descriptor is closed even "after the crash": the kernel closes a dead process's files.
        let crashed = (try? step("close")) ?? true
        try real.close(descriptor)
        if crashed { throw FileOperationError(call: "close", path: "", code: EIO) }
    }

    public func link(_ existing: String, as new: String) throws(FileOperationError) {
        if try step("link", new) { throw FileOperationError(call: "link", path: new, code: EIO) }
        try real.link(existing, as: new)
    }

    public func unlink(_ path: String) throws(FileOperationError) {
        if try step("unlink", path) { throw FileOperationError(call: "unlink", path: path, code: EIO) }
        try real.unlink(path)
    }

    public func rename(_ existing: String, over new: String) throws(FileOperationError) {
        if try step("rename", new) { throw FileOperationError(call: "rename", path: new, code: EIO) }
        try real.rename(existing, over: new)
    }

    public func syncDirectory(_ path: String) throws(FileOperationError) {
        if try step("fsync", path) { throw FileOperationError(call: "fsync", path: path, code: EIO) }
        try real.syncDirectory(path)
    }
}
