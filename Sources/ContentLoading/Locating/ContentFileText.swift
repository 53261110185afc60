import Foundation

/// Reads a content file's text: at most ``ContentLimit/fileSize`` bytes (a larger file is not
/// read to its end), which must be UTF-8.
enum ContentFileText {
    static func read(_ url: URL) throws(ContentError) -> String {
        let largest = ContentLimit.fileSize.maximum
        let bytes: Data
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            bytes = try handle.read(upToCount: largest + 1) ?? Data()
        } catch {
            throw ContentError.unreadable(path: displayPath(url), reason: "missing or unreadable")
        }
        if bytes.count > largest {
            throw ContentError.invalid(
                file: displayPath(url), at: SourceLocation(ofByte: largest, in: bytes), problem: .overLimit(.fileSize))
        }
        return try decode(bytes, fileName: displayPath(url))
    }

    /// `bytes` as text, or an error at the first byte that is not UTF-8.
    static func decode(_ bytes: Data, fileName: String) throws(ContentError) -> String {
        if let text = String(data: bytes, encoding: .utf8) { return text }
        let offset = firstNonUTF8Byte(in: bytes) ?? bytes.count
        throw ContentError.invalid(
            file: fileName, at: SourceLocation(ofByte: offset, in: bytes), problem: .notUTF8(byteOffset: offset))
    }

    /// The offset, from 0, of the first byte that does not belong to a UTF-8 character.
    static func firstNonUTF8Byte(in bytes: Data) -> Int? {
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
}
