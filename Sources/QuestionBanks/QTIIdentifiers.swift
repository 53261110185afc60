/// QTI identifiers for the engine's ids. A QTI identifier is an `xs:NCName` (letters, digits,
/// `_`, `-` and `.`, starting with a letter or `_`), while the engine's ids hold `:`, `#` and
/// `/` (`step:marin:3`, `new-phone#0/category`). Each id is given a readable NCName (every other
/// character becomes `_`, and a leading digit, `-` or `.` gets a `_` before it), made unique with
/// a `_2`, `_3` … suffix, and the map is kept both ways so a reader's identifiers map back.
public struct QTIIdentifiers: Sendable, Equatable {
    public private(set) var byID: [String: String] = [:]
    public private(set) var idsByIdentifier: [String: String] = [:]

    public init() {}

    /// The identifier of `id`, assigned on first use.
    public mutating func identifier(for id: String) -> String {
        if let known = byID[id] { return known }
        let base = Self.ncName(id)
        var candidate = base
        var suffix = 2
        while idsByIdentifier[candidate] != nil {
            candidate = "\(base)_\(suffix)"
            suffix += 1
        }
        byID[id] = candidate
        idsByIdentifier[candidate] = id
        return candidate
    }

    /// The engine's id behind `identifier`.
    public func id(for identifier: String) -> String? { idsByIdentifier[identifier] }

    /// `text` as an NCName: every character outside `[A-Za-z0-9_.-]` becomes `_`, and a `_` comes
    /// first unless it starts with a letter or `_`.
    static func ncName(_ text: String) -> String {
        let kept = String(text.map { Self.isNameCharacter($0) ? $0 : "_" })
        guard let first = kept.first, first.isASCII, first.isLetter || first == "_" else { return "_" + kept }
        return kept
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        guard character.isASCII else { return false }
        return character.isLetter || character.isNumber || character == "_" || character == "-" || character == "."
    }
}
