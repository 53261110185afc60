import Records

/// Whose answers an analysis covers: one jurisdiction's or every one's, and one school's (for a
/// site administrator) or the whole district's. Every backend applies the same rule.
public struct AnalysisScope: Sendable, Hashable {
    /// The jurisdiction's id, or nil for every jurisdiction.
    public var jurisdiction: String?
    /// The school as records name it, or nil for every school.
    public var school: String?

    public init(jurisdiction: String? = nil, school: String? = nil) {
        self.jurisdiction = jurisdiction
        self.school = school
    }

    /// Every answer sheet.
    public static let everything = AnalysisScope()

    /// Whether `sheet` is in scope: its jurisdiction and school are those asked for, compared
    /// exactly as stored.
    public func includes(_ sheet: AnswerSheet) -> Bool {
        (jurisdiction == nil || sheet.jurisdiction == jurisdiction) && (school == nil || sheet.school == school)
    }

    /// Those of `sheets` in scope: all of them, not copied, for ``everything``.
    public func selecting(_ sheets: [AnswerSheet]) -> [AnswerSheet] {
        self == .everything ? sheets : sheets.filter(includes)
    }
}
