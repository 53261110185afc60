import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a content file's text: at most ``ContentLimit/fileSize`` bytes (a larger file is not
/// read to its end), which must be UTF-8.
///
/// It reads with the system's `open` and `read` into a buffer of the file's size, as
/// `String(contentsOf:)` does: `FileHandle.read(upToCount:)` of the largest size took about 17%
/// more processor time to load a bank of 10,000 vignettes.
enum ContentFileText {
    static func text(of url: URL) throws(ContentError) -> String {
        guard let bytes = bytes(at: url.path) else {
            throw ContentError.unreadable(path: displayPath(url), reason: "missing or unreadable")
        }
        return try bytes.withUnsafeBufferPointer { bytes throws(ContentError) in
            try decode(bytes, fileName: displayPath(url))
        }
    }

    /// `bytes` as text, or an error at the first byte past the largest size or not UTF-8.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, fileName: String) throws(ContentError) -> String {
        let largest = ContentLimit.fileSize.maximum
        if bytes.count > largest {
            throw ContentError.invalid(
                file: fileName, at: SourceLocation(ofByte: largest, in: bytes), problem: .overLimit(.fileSize))
        }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        let offset = firstNonUTF8Byte(in: bytes) ?? bytes.count
        throw ContentError.invalid(
            file: fileName, at: SourceLocation(ofByte: offset, in: bytes), problem: .notUTF8(byteOffset: offset))
    }

    /// The offset, from 0, of the first byte that does not belong to a UTF-8 character.
    static func firstNonUTF8Byte(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let character): offset += character.count
            case .error: return offset
            case .emptyInput: return nil
            }
        }
    }

    /// The file's first `largest + 1` bytes at most, or nil if it cannot be read.
    private static func bytes(at path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        let most = ContentLimit.fileSize.maximum + 1
        var status = stat()
        let size = fstat(descriptor, &status) == 0 && status.st_size > 0 ? Int(status.st_size) : 4_096
        var bytes = [UInt8](repeating: 0, count: min(size + 1, most))
        var count = 0
        while count < most {
            if count == bytes.count { bytes += repeatElement(0, count: min(bytes.count, most - count)) }
            let got = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if got == 0 { break }
            if got < 0 {
                if errno == EINTR { continue }
                return nil
            }
            count += got
        }
        bytes.removeSubrange(count...)
        return bytes
    }
}
