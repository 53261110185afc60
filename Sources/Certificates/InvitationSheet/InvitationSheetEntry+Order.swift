import Foundation

extension InvitationSheetEntry {
    /// Whether `self` comes before `other` on the sheet and in the mail-merge file: by school,
    /// then by name, ignoring case and accents ("Zoë" sorts with "Zoe"), numbers by value
    /// ("School 2" before "School 10"); the exact texts and the link break ties, so the order
    /// never depends on the input's.
    public func sortsBefore(_ other: InvitationSheetEntry) -> Bool {
        let keys = [(school, other.school), (name, other.name)]
        for (left, right) in keys {
            let order = Self.compareLoosely(left, right)
            if order != .orderedSame { return order == .orderedAscending }
        }
        for (left, right) in keys + [(link.absoluteString, other.link.absoluteString)] where left != right {
            return left < right
        }
        return false
    }

    private static func compareLoosely(_ left: String, _ right: String) -> ComparisonResult {
        left.compare(
            right, options: [.caseInsensitive, .diacriticInsensitive, .numeric], range: nil,
            locale: Locale(identifier: "en_US_POSIX"))
    }
}

extension Sequence<InvitationSheetEntry> {
    /// The entries in sheet order: by school, then by name.
    public func sortedForSheet() -> [InvitationSheetEntry] {
        sorted { $0.sortsBefore($1) }
    }
}
