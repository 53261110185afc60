/// Small texts that stand for enormous YAML documents, or are enormous: the shapes that made
/// the loader hang before ``ContentLimit`` (issue 10, section 7), for the regression tests and
/// the fuzz test.
enum ContentBombs {
    /// The longest any one file may take to load or fail, in a debug build, in processor time of
    /// the loading thread (``threadCPUTime(_:)``: a loaded machine does not stretch it). Measured
    /// in wall time on a shared 2-core machine under a load of about 10: the fuzz test's slowest
    /// file took 0.19 to 0.34 s (most take a few milliseconds) and the slowest bomb here 36 ms;
    /// before the limits, one fuzzed file took 3.6 s and the merge-key chains ran for minutes.
    static let timeBound: Duration = .seconds(2)

    /// `[[[…]]]`, `depth` lists inside one another on one line.
    static func nestedLists(depth: Int) -> String {
        String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
    }

    /// `- - - … x`: block lists inside one another.
    static func nestedBlockLists(depth: Int) -> String {
        String(repeating: "- ", count: depth) + "x\n"
    }

    /// A mapping of `count` keys `k0`, `k1` … one a line.
    static func keys(_ count: Int, prefix: String = "k") -> String {
        (0..<count).map { "\(prefix)\($0): \($0)\n" }.joined()
    }

    /// A vignette's `stages:` list in which each stage merges the one before twice: every
    /// stage is `{done: []}`, but expanding the merges again for each reference doubles the
    /// work at every level.
    static func mergeChain(levels: Int) -> String {
        "stages:\n  - &s0 {done: []}\n"
            + (1..<levels).map { "  - &s\($0) {<<: [*s\($0 - 1), *s\($0 - 1)]}\n" }.joined()
    }

    /// "A billion laughs": each line a list of nine aliases to the line before, so `levels`
    /// lines stand for 9^levels texts.
    static func aliasBomb(levels: Int) -> String {
        let names = (0..<levels).map { "l\($0)" }
        let first = "\(names[0]): &\(names[0]) [" + Array(repeating: "lol", count: 9).joined(separator: ", ") + "]\n"
        return first
            + zip(names.dropFirst(), names).map { name, previous in
                "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
            }.joined()
    }

    /// `lines` comment lines of exactly 64 bytes each.
    static func comments(lines: Int) -> String {
        String(repeating: "#" + String(repeating: "-", count: 62) + "\n", count: lines)
    }

    /// `key: xxxx…` with a text of `length` characters.
    static func longText(key: String = "title", length: Int) -> String {
        "\(key): " + String(repeating: "x", count: length) + "\n"
    }
}
