import Foundation

extension InvitationSheetEntry {
    /// Whether `self` comes before `other` on the sheet and in the mail-merge file: by school,
    /// then by name, ignoring case and accents ("Émile" with the E's, "Łucja" with the L's),
    /// numbers by value ("School 2" before "School 10"); the exact texts and the link break
    /// ties, so the order never depends on the input's, nor on the machine's language.
    public func sortsBefore(_ other: InvitationSheetEntry) -> Bool {
        let keys = [(school, other.school), (name, other.name)]
        for (left, right) in keys {
            let order = Self.sortKey(left).compare(Self.sortKey(right), options: [.numeric])
            if order != .orderedSame { return order == .orderedAscending }
        }
        for (left, right) in keys + [(link.absoluteString, other.link.absoluteString)] where left != right {
            return left < right
        }
        return false
    }

    /// `text` in lower case without accents: marks that decompose are dropped ("é" is "e"),
    /// and the letters with a stroke or ligatures that do not decompose are spelt plainly.
    private static func sortKey(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return folded.unicodeScalars.map { plainSpellings[$0] ?? String($0) }.joined()
    }

    private static let plainSpellings: [Unicode.Scalar: String] = [
        "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "ŧ": "t", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th",
    ]
}

extension Sequence<InvitationSheetEntry> {
    /// The entries in sheet order: by school, then by name.
    public func sortedForSheet() -> [InvitationSheetEntry] {
        sorted { $0.sortsBefore($1) }
    }
}
