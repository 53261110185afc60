import Foundation
import RecordStore
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The real file operations until call number `crashAt`: that call and every later one fail, as
/// after a crash (a write puts half its bytes down first). Closing still closes, as the kernel
/// closes a dead process's files.
final class CrashingFileOperations: FileOperations {
    private let real = SystemFileOperations()
    private let crashAt: Int
    private let calls = Mutex(0)

    init(crashAt: Int) {
        self.crashAt = crashAt
    }

    var callCount: Int { calls.withLock { $0 } }

    /// True for the crashing call; throws for the calls after it.
    private func crashes(_ name: String, _ path: String = "") throws(FileOperationError) -> Bool {
        let number = calls.withLock { count in
            defer { count += 1 }
            return count
        }
        if number > crashAt { throw FileOperationError(call: name, path: path, code: EIO) }
        return number == crashAt
    }

    func makeDirectory(_ path: String, mode: mode_t) throws(FileOperationError) {
        if try crashes("mkdir", path) { throw FileOperationError(call: "mkdir", path: path, code: EIO) }
        try real.makeDirectory(path, mode: mode)
    }

    func createNew(_ path: String, mode: mode_t) throws(FileOperationError) -> Int32 {
        if try crashes("open", path) { throw FileOperationError(call: "open", path: path, code: EIO) }
        return try real.createNew(path, mode: mode)
    }

    func write(_ data: Data, to descriptor: Int32) throws(FileOperationError) {
        if try crashes("write") {
            try real.write(data.prefix(data.count / 2), to: descriptor)
            throw FileOperationError(call: "write", path: "fd \(descriptor)", code: EIO)
        }
        try real.write(data, to: descriptor)
    }

    func sync(_ descriptor: Int32) throws(FileOperationError) {
        if try crashes("fsync") { throw FileOperationError(call: "fsync", path: "", code: EIO) }
        try real.sync(descriptor)
    }

    func close(_ descriptor: Int32) throws(FileOperationError) {
        let crashed = (try? crashes("close")) ?? true
        try real.close(descriptor)
        if crashed { throw FileOperationError(call: "close", path: "", code: EIO) }
    }

    func link(_ existing: String, as new: String) throws(FileOperationError) {
        if try crashes("link", new) { throw FileOperationError(call: "link", path: new, code: EIO) }
        try real.link(existing, as: new)
    }

    func unlink(_ path: String) throws(FileOperationError) {
        if try crashes("unlink", path) { throw FileOperationError(call: "unlink", path: path, code: EIO) }
        try real.unlink(path)
    }

    func rename(_ existing: String, over new: String) throws(FileOperationError) {
        if try crashes("rename", new) { throw FileOperationError(call: "rename", path: new, code: EIO) }
        try real.rename(existing, over: new)
    }

    func syncDirectory(_ path: String) throws(FileOperationError) {
        if try crashes("fsync", path) { throw FileOperationError(call: "fsync", path: path, code: EIO) }
        try real.syncDirectory(path)
    }
}
