/// Breaks a content file at random, the ways a fuzzer does: a byte changed, a stretch deleted,
/// lines repeated or swapped, YAML punctuation dropped in, and now and then a whole bomb
/// (``ContentBombs``) pasted at the start of a line or, for merge keys, in place of the stages.
struct ContentMutator {
    /// Punctuation and fragments that change a YAML document's shape.
    static let tokens = [
        "[", "]", "{", "}", ": ", "- ", "&a ", "*a", "<<: *a\n", "<<: [*a, *a]\n", "\"", "'", "|\n", ">-\n", "\t", "\n",
        "  ", "# ", "---\n", "? ", "!!str ", "%YAML 1.1\n", ",", "\\", "\u{7}", "\u{FEFF}", "é",
    ]

    /// `bytes` with one to three changes.
    static func mutate(_ bytes: [UInt8], using generator: inout some RandomNumberGenerator) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<Int.random(in: 1...3, using: &generator) {
            switch Int.random(in: 0..<13, using: &generator) {
            case 0, 1: changeByte(&bytes, using: &generator)
            case 2, 3: deleteStretch(&bytes, using: &generator)
            case 4, 5: repeatLines(&bytes, using: &generator)
            case 6: swapLines(&bytes, using: &generator)
            case 7, 8, 9: insert(Array(tokens.randomElement(using: &generator)!.utf8), into: &bytes, using: &generator)
            case 10: replaceStages(of: &bytes, with: ContentBombs.mergeChain(levels: Int.random(in: 5...40, using: &generator)))
            default: insertAtLineStart(bomb(using: &generator), into: &bytes, using: &generator)
            }
        }
        return bytes
    }

    private static func changeByte(_ bytes: inout [UInt8], using generator: inout some RandomNumberGenerator) {
        guard !bytes.isEmpty else { return }
        bytes[Int.random(in: bytes.indices, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
    }

    private static func deleteStretch(_ bytes: inout [UInt8], using generator: inout some RandomNumberGenerator) {
        guard !bytes.isEmpty else { return }
        let start = Int.random(in: bytes.indices, using: &generator)
        let length = Int.random(in: 1...80, using: &generator)
        bytes.removeSubrange(start..<min(start + length, bytes.count))
    }

    /// A few lines, repeated up to 2,000 times in place: repeated keys, huge lists, huge files.
    private static func repeatLines(_ bytes: inout [UInt8], using generator: inout some RandomNumberGenerator) {
        var lines = lines(of: bytes)
        guard !lines.isEmpty else { return }
        let start = Int.random(in: lines.indices, using: &generator)
        let stretch = lines[start..<min(start + Int.random(in: 1...4, using: &generator), lines.count)]
        let times = [2, 10, 100, 2_000].randomElement(using: &generator)!
        lines.insert(contentsOf: Array(repeating: Array(stretch), count: times).joined(), at: start)
        bytes = Array(lines.joined())
    }

    private static func swapLines(_ bytes: inout [UInt8], using generator: inout some RandomNumberGenerator) {
        var lines = lines(of: bytes)
        guard lines.count > 1 else { return }
        lines.swapAt(Int.random(in: lines.indices, using: &generator), Int.random(in: lines.indices, using: &generator))
        bytes = Array(lines.joined())
    }

    private static func insert(_ fragment: [UInt8], into bytes: inout [UInt8], using generator: inout some RandomNumberGenerator)
    {
        bytes.insert(contentsOf: fragment, at: Int.random(in: 0...bytes.count, using: &generator))
    }

    private static func insertAtLineStart(
        _ fragment: [UInt8], into bytes: inout [UInt8], using generator: inout some RandomNumberGenerator
    ) {
        var lines = lines(of: bytes)
        lines.insert(fragment[...], at: Int.random(in: 0...lines.count, using: &generator))
        bytes = Array(lines.joined())
    }

    /// A vignette's `stages:` block (or, without one, the end of the file) replaced with
    /// `stages`, so that the file stays valid and its stages are decoded.
    private static func replaceStages(of bytes: inout [UInt8], with stages: String) {
        var lines = lines(of: bytes)
        let start = lines.firstIndex { $0.starts(with: "stages:".utf8) } ?? lines.endIndex
        let end = lines[start...].dropFirst().firstIndex { line in
            guard let first = line.first else { return false }
            return first != UInt8(ascii: " ") && first != UInt8(ascii: "-")
        }
        lines.replaceSubrange(start..<(end ?? lines.endIndex), with: [Array(stages.utf8)[...]])
        bytes = Array(lines.joined())
    }

    /// One of the shapes that used to hang the loader, at a random size, or bytes that are not UTF-8.
    private static func bomb(using generator: inout some RandomNumberGenerator) -> [UInt8] {
        let depth = [10, 100, 1_000, 100_000].randomElement(using: &generator)!
        let text =
            switch Int.random(in: 0..<8, using: &generator) {
            case 0: "nesting: " + ContentBombs.nestedLists(depth: depth)
            case 1: ContentBombs.nestedBlockLists(depth: depth)
            case 2: ContentBombs.keys([10, 1_000, 60_000].randomElement(using: &generator)!, prefix: "bomb")
            case 3: ContentBombs.mergeChain(levels: Int.random(in: 5...40, using: &generator))
            case 4: ContentBombs.aliasBomb(levels: Int.random(in: 2...12, using: &generator))
            case 5: ContentBombs.longText(key: "bomb", length: [100, 20_000, 2_000_000].randomElement(using: &generator)!)
            case 6: ContentBombs.comments(lines: [10, 20_000].randomElement(using: &generator)!)
            default: ""
            }
        return text.isEmpty
            ? [[0xFF], [0xC3], [0xE9, 0x0A], [0xED, 0xA0, 0x80]].randomElement(using: &generator)! : Array(text.utf8)
    }

    /// The lines of `bytes`, each with its newline.
    private static func lines(of bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = bytes.startIndex
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            lines.append(bytes[start...index])
            start = index + 1
        }
        if start < bytes.endIndex { lines.append(bytes[start...]) }
        return lines
    }
}
