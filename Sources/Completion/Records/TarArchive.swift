import Foundation

/// Files in one POSIX tar archive (the ustar format every `tar -xf` unpacks): how the district
/// server hands out many record files as one download. Regular files only, readable by their
/// owner only (0600, as the record files are written), under names of at most 100 bytes.
public struct TarArchive: Sendable {
    public static let blockSize = 512

    /// The archive so far, without its end.
    private var body: [UInt8] = []
    /// The time every file is marked as modified.
    public let modified: Date
    public private(set) var fileCount = 0

    public init(modified: Date) {
        self.modified = modified
    }

    /// Adds `contents` under `name` (a relative path such as `records/<id>.json`, at most 100
    /// bytes of UTF-8, which every name this project gives fits).
    public mutating func add(_ contents: Data, as name: String) {
        precondition(!name.isEmpty && name.utf8.count <= 100, "a tar name has 1 to 100 bytes")
        body += header(name: name, size: contents.count)
        body += contents
        body += [UInt8](repeating: 0, count: (Self.blockSize - contents.count % Self.blockSize) % Self.blockSize)
        fileCount += 1
    }

    /// The whole archive: the files, then the two empty blocks that end it.
    public var bytes: [UInt8] { body + [UInt8](repeating: 0, count: 2 * Self.blockSize) }

    private func header(name: String, size: Int) -> [UInt8] {
        var block = [UInt8](repeating: 0, count: Self.blockSize)
        func put(_ bytes: some Collection<UInt8>, at offset: Int) {
            for (index, byte) in bytes.enumerated() { block[offset + index] = byte }
        }
        func octal(_ value: Int, width: Int) -> [UInt8] {
            let digits = String(value, radix: 8)
            return Array((String(repeating: "0", count: max(0, width - 1 - digits.count)) + digits).utf8) + [0]
        }
        put(name.utf8, at: 0)
        put(octal(0o600, width: 8), at: 100)  // mode
        put(octal(0, width: 8), at: 108)  // owner
        put(octal(0, width: 8), at: 116)  // group
        put(octal(size, width: 12), at: 124)
        put(octal(max(0, Int(modified.timeIntervalSince1970)), width: 12), at: 136)
        put(Array("        ".utf8), at: 148)  // the checksum counts its own field as spaces
        block[156] = UInt8(ascii: "0")  // a regular file
        put(Array("ustar".utf8) + [0], at: 257)
        put(Array("00".utf8), at: 263)
        let checksum = block.reduce(0) { $0 + Int($1) }
        put(octal(checksum, width: 7) + [UInt8(ascii: " ")], at: 148)
        return block
    }
}
