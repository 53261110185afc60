import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What `stat` says about a file, cheap to read for a hundred thousand files: its size, inode
/// and the times of its last change. A file emptied, overwritten, replaced or edited since the
/// identity was taken has another identity: its change time (ctime) moves with any write,
/// rename, link or permission change, and no program can set it back.
struct FileIdentity: Sendable, Equatable {
    var size: Int64
    var device: UInt64
    var inode: UInt64
    /// Last modification, in nanoseconds since 1970.
    var modified: Int64
    /// Last change of the file or its inode, in nanoseconds since 1970.
    var changed: Int64

    /// The identity of the regular file at `path` (a link is not followed), or nil when there is
    /// none.
    init?(path: String) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        self.init(status)
    }

    /// The identity of the regular file `name` in the open directory `directory` (a link is not
    /// followed): cheaper than by path for many files of one directory.
    init?(name: String, in directory: Int32) {
        var status = stat()
        guard fstatat(directory, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        self.init(status)
    }

    /// The identity of the open file `descriptor`.
    init?(descriptor: Int32) {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        self.init(status)
    }

    private init?(_ status: stat) {
        guard status.st_mode & S_IFMT == S_IFREG else { return nil }
        size = Int64(status.st_size)
        device = UInt64(status.st_dev)
        inode = UInt64(status.st_ino)
        #if canImport(Darwin)
            modified = Self.nanoseconds(status.st_mtimespec)
            changed = Self.nanoseconds(status.st_ctimespec)
        #else
            modified = Self.nanoseconds(status.st_mtim)
            changed = Self.nanoseconds(status.st_ctim)
        #endif
    }

    init(size: Int64, device: UInt64, inode: UInt64, modified: Int64, changed: Int64) {
        self.size = size
        self.device = device
        self.inode = inode
        self.modified = modified
        self.changed = changed
    }

    /// The bytes of the file at `path` and the identity of the file they were read from (taken
    /// before reading: a change while reading gives the file another identity).
    static func read(_ path: String) throws(FileOperationError) -> (Data, FileIdentity?) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileOperationError(call: "open", path: path, code: errno) }
        defer { close(descriptor) }
        let identity = FileIdentity(descriptor: descriptor)
        var data = Data(count: Int(max(0, identity?.size ?? 0)))
        var length = 0
        while true {
            if length == data.count { data.count += 4096 }  // grown since its `stat`, or at its end
            let read = data.withUnsafeMutableBytes { buffer in
                systemRead(descriptor, buffer.baseAddress! + length, buffer.count - length)
            }
            if read < 0 {
                if errno == EINTR { continue }
                throw FileOperationError(call: "read", path: path, code: errno)
            }
            if read == 0 { break }
            length += read
        }
        data.count = length
        return (data, identity)
    }

    /// `size:device:inode:modified:changed`, as the index keeps it.
    var text: String { "\(size):\(device):\(inode):\(modified):\(changed)" }

    init?(text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 5, let size = Int64(parts[0]), let device = UInt64(parts[1]), let inode = UInt64(parts[2]),
            let modified = Int64(parts[3]), let changed = Int64(parts[4])
        else { return nil }
        self.init(size: size, device: device, inode: inode, modified: modified, changed: changed)
    }

    private static func nanoseconds(_ time: timespec) -> Int64 {
        Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}

/// The C function, under a name ``FileIdentity/read(_:)`` does not shadow.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
