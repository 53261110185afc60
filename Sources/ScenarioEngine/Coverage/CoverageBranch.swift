import ProtocolEngine

/// A path through a county's protocol that the vignette bank should exercise at least once.
public enum CoverageBranch: String, Sendable, Codable, Equatable, Hashable, CaseIterable, Comparable {
    /// The category is the answer at some stage.
    case reached
    /// Immediate danger while the category applies: the emergency rule comes first.
    case imminentDanger = "imminent-danger"
    /// The printed guardian-perpetrator alternative is the next step.
    case guardianException = "guardian-exception"
    /// The student, consulted, declines parent contact, so that step is passed over.
    case studentDeclinesParentContact = "student-declines-parent-contact"
    /// The evidence step is due: law enforcement judged the evidence sufficient.
    case evidenceSufficient = "evidence-sufficient"
    /// The evidence step is passed over: the evidence is not assessed or judged insufficient.
    case evidenceNotSufficient = "evidence-not-sufficient"
    /// The facts meet none of the county's categories (a row of its own, no category).
    case doesNotMeetCriteria = "does-not-meet-criteria"

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The branches a category defines: every category can be reached and meet immediate
    /// danger; the others only where the county prints the step they depend on.
    public static func defined(by category: SituationCategory) -> [CoverageBranch] {
        var branches: [CoverageBranch] = [.reached, .imminentDanger]
        if category.steps.contains(where: { $0.exception?.condition == .guardianIsSuspectedExploiter }) {
            branches.append(.guardianException)
        }
        if category.steps.contains(where: { $0.condition == .parentContactAppropriate }) {
            branches.append(.studentDeclinesParentContact)
        }
        if category.steps.contains(where: { $0.condition == .evidenceSufficient }) {
            branches += [.evidenceSufficient, .evidenceNotSufficient]
        }
        return branches
    }
}
