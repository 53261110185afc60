extension SourceLocation {
    /// The line and column of the byte at `offset` in the UTF-8 `text`; columns count
    /// characters, as an editor shows them.
    init(ofByte offset: Int, in text: some BidirectionalCollection<UInt8>) {
        let newline = UInt8(ascii: "\n")
        let before = text.prefix(offset)
        let lineStart = before.lastIndex(of: newline).map { before.index(after: $0) } ?? before.startIndex
        self.init(
            line: before.count(where: { $0 == newline }) + 1,
            column: String(decoding: before[lineStart...], as: UTF8.self).count + 1)
    }
}
