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
        var text = text
        let parsed = text.withUTF8 { Self.numbers(in: $0) }
        guard let parsed else { return nil }
        self.init(
            size: parsed[0], device: UInt64(bitPattern: parsed[1]), inode: UInt64(bitPattern: parsed[2]),
            modified: parsed[3], changed: parsed[4])
    }

    /// The five numbers of `size:device:inode:modified:changed`, read straight from the bytes (a
    /// report reads a hundred thousand of them); the device and inode as their bit patterns.
    private static func numbers(in bytes: UnsafeBufferPointer<UInt8>) -> [Int64]? {
        var numbers: [Int64] = []
        numbers.reserveCapacity(5)
        var index = 0
        while index <= bytes.count {
            let negative = index < bytes.count && bytes[index] == UInt8(ascii: "-")
            if negative { index += 1 }
            var value: UInt64 = 0
            var digits = 0
            while index < bytes.count, bytes[index] != UInt8(ascii: ":") {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10, digits < 20 else { return nil }
                let (times10, overflow) = value.multipliedReportingOverflow(by: 10)
                let (sum, carry) = times10.addingReportingOverflow(UInt64(digit))
                guard !overflow, !carry else { return nil }
                value = sum
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            // The device and inode (fields 2 and 3) are unsigned; the others fit an Int64.
            let unsigned = numbers.count == 1 || numbers.count == 2
            if unsigned {
                guard !negative else { return nil }
                numbers.append(Int64(bitPattern: value))
            } else {
                guard value <= UInt64(Int64.max) else { return nil }
                numbers.append(negative ? -Int64(value) : Int64(value))
            }
            index += 1
        }
        return numbers.count == 5 ? numbers : nil
    }

    private static func nanoseconds(_ time: timespec) -> Int64 {
        Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}

/// The C function, under a name ``FileIdentity/read(_:)`` does not shadow.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
