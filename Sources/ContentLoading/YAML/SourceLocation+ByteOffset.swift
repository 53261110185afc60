extension SourceLocation {
    /// The line and column of the byte at `offset` in the UTF-8 `text`; columns count
    /// characters, as an editor shows them.
    init(ofByte offset: Int, in text: UnsafeBufferPointer<UInt8>) {
        let newline = UInt8(ascii: "\n")
        let end = min(max(offset, 0), text.count)
        var line = 1
        var lineStart = 0
        for index in 0..<end where text[index] == newline {
            line += 1
            lineStart = index + 1
        }
        let column = String(decoding: UnsafeBufferPointer(rebasing: text[lineStart..<end]), as: UTF8.self).count + 1
        self.init(line: line, column: column)
    }
}
