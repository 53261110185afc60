/// The most a content file may hold, so that no file, however malformed, can make loading hang
/// or exhaust memory.
///
/// Each limit is far beyond what real content needs: the bundled files are at most 10,271 bytes,
/// nest lists and mappings 8 deep, have mappings of 9 keys, values of 585 characters and 430
/// values in all. A file past a limit fails with ``ContentProblem/overLimit(_:)`` at the place
/// where it goes past it; ``maximum`` is the one place the figures are kept.
public enum ContentLimit: Sendable, Equatable, CaseIterable {
    /// Bytes in one file.
    case fileSize
    /// Characters in one value (a title, a narrative, an id).
    case textLength
    /// Lists and mappings inside one another, counting those an alias (`*name`) brings in.
    case nestingDepth
    /// Keys in one mapping, counting those a merge key (`<<: *name`) brings in.
    case keysPerMapping
    /// Values (keys, texts, lists and mappings) in one file, counting each alias as every value
    /// it repeats: this stops an "alias bomb" whose few lines stand for billions of values.
    case values

    /// The largest allowed.
    public var maximum: Int {
        switch self {
        case .fileSize: 1_048_576
        case .textLength: 10_000
        case .nestingDepth: 64
        case .keysPerMapping: 1_000
        case .values: 10_000
        }
    }

    /// What went past the limit, and how to fix it.
    var message: String {
        let most = Self.grouped(maximum)
        return switch self {
        case .fileSize:
            "The file is larger than \(most) bytes (1 MiB), the most a content file may be, and goes past it here. "
                + "Content files are a few kilobytes: check that this is the right file, or split it (one vignette per file)."
        case .textLength:
            "This text is longer than \(most) characters, the most one value may have. "
                + "Shorten it, or look for a quote that is opened and never closed."
        case .nestingDepth:
            "Lists and mappings are nested more than \(most) deep here (counting what an alias *name brings in). "
                + "Content files nest a few levels: check the indentation, and that every [ and { is closed."
        case .keysPerMapping:
            "This mapping has more than \(most) keys (counting those a merge key << brings in). "
                + "Check the indentation: keys meant for separate items may have run together into one mapping."
        case .values:
            "The file holds more than \(most) values at this point, counting each alias *name as every value it repeats. "
                + "Content files hold a few hundred: use fewer aliases and merge keys (<<), or write the values out."
        }
    }

    /// `1048576` as `1,048,576`.
    private static func grouped(_ number: Int) -> String {
        let digits = Array(String(number))
        var text = ""
        for (position, digit) in digits.enumerated() {
            if position > 0, (digits.count - position) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }
}
