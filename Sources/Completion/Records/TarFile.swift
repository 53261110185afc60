import Foundation
import Storage

/// A POSIX tar archive (the ustar format every `tar -xf` unpacks) written to a file one entry
/// at a time, so that an archive of a million records holds one in memory, and each entry costs
/// the same however many came before. Its owner's only (0600, as the record files are written),
/// names of at most 100 bytes, every entry marked as modified at one time.
struct TarFile {
    static let blockSize = 512

    let file: URL
    let modified: Date
    private let handle: FileHandle

    init(creating file: URL, modified: Date) throws(StorageError) {
        self.file = file
        self.modified = modified
        guard FileManager.default.createFile(atPath: file.path, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = try? FileHandle(forWritingTo: file)
        else { throw .cannotWrite(path: file.path, reason: "the archive cannot be made") }
        self.handle = handle
    }

    func addFolder(_ name: String) throws(StorageError) {
        try write(header(name: name + "/", size: 0, mode: 0o700, type: "5"), for: name)
    }

    /// Adds `contents` under `name` (a relative path such as `folder/<id>.json`).
    func add(_ contents: Data, as name: String) throws(StorageError) {
        let padding = (Self.blockSize - contents.count % Self.blockSize) % Self.blockSize
        try write(
            header(name: name, size: contents.count, mode: 0o600, type: "0") + contents
                + Data(repeating: 0, count: padding), for: name)
    }

    /// Ends the archive (two empty blocks) and closes the file.
    func finish() throws(StorageError) {
        try write(Data(repeating: 0, count: 2 * Self.blockSize), for: "the archive's end")
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw .cannotWrite(path: file.path, reason: "the archive cannot be closed (\(error))")
        }
    }

    /// Closes the file without ending the archive (after a failure).
    func abandon() {
        try? handle.close()
    }

    private func write(_ data: Data, for name: String) throws(StorageError) {
        do {
            try handle.write(contentsOf: data)
        } catch {
            throw .cannotWrite(path: file.path, reason: "\(name) cannot be added to the archive (\(error))")
        }
    }

    private func header(name: String, size: Int, mode: Int, type: Character) -> Data {
        precondition(!name.isEmpty && name.utf8.count <= 100, "a tar name has 1 to 100 bytes")
        var block = [UInt8](repeating: 0, count: Self.blockSize)
        func put(_ bytes: some Collection<UInt8>, at offset: Int) {
            for (index, byte) in bytes.enumerated() { block[offset + index] = byte }
        }
        func octal(_ value: Int, width: Int) -> [UInt8] {
            let digits = String(value, radix: 8)
            return Array((String(repeating: "0", count: max(0, width - 1 - digits.count)) + digits).utf8) + [0]
        }
        put(name.utf8, at: 0)
        put(octal(mode, width: 8), at: 100)
        put(octal(0, width: 8), at: 108)  // owner
        put(octal(0, width: 8), at: 116)  // group
        put(octal(size, width: 12), at: 124)
        put(octal(max(0, Int(modified.timeIntervalSince1970)), width: 12), at: 136)
        put(Array("        ".utf8), at: 148)  // the checksum counts its own field as spaces
        block[156] = type.asciiValue ?? UInt8(ascii: "0")
        put(Array("ustar".utf8) + [0], at: 257)
        put(Array("00".utf8), at: 263)
        let checksum = block.reduce(0) { $0 + Int($1) }
        put(octal(checksum, width: 7) + [UInt8(ascii: " ")], at: 148)
        return Data(block)
    }
}
