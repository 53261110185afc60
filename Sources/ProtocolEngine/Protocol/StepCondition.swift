/// A condition printed on a step, which the engine evaluates from the facts.
public enum StepCondition: String, Sendable, Codable, Equatable, CaseIterable {
    /// "If child abuse or neglect is suspected". Since January 1, 2016 commercial sexual
    /// exploitation of a child is reportable child abuse (Marin prints this), so the engine reads
    /// it as met whenever exploitation is suspected.
    case childAbuseOrNeglectSuspected = "child-abuse-or-neglect-suspected"
    /// "If Human Trafficking or CSEC is suspected" / "If CSEC is suspected": the student is a
    /// suspected or confirmed victim, or recruits or exploits other students.
    case exploitationSuspected = "exploitation-suspected"
    /// "If at-risk factors are present": any situation the protocols respond to is found (the
    /// jurisdiction's at-risk criteria are met, or exploitation is suspected or confirmed).
    case atRiskFactorsPresent = "at-risk-factors-present"
    /// "If appropriate, and in consultation with the victim": not appropriate when the parent
    /// or guardian is the suspected exploiter, or when the student, consulted, declines.
    case parentContactAppropriate = "parent-contact-appropriate"
    /// "If sufficient and/or reliable evidence exists".
    case evidenceSufficient = "evidence-sufficient"
    /// "Victimization is occurring by parent/guardian".
    case guardianIsSuspectedExploiter = "guardian-is-suspected-exploiter"

    /// The condition as a trainee reads it.
    public var summary: String {
        switch self {
        case .childAbuseOrNeglectSuspected: "child abuse or neglect is suspected"
        case .exploitationSuspected: "human trafficking or CSEC is suspected"
        case .atRiskFactorsPresent: "at-risk factors are present"
        case .parentContactAppropriate: "it is appropriate, in consultation with the student, to contact the parent or guardian"
        case .evidenceSufficient: "sufficient and/or reliable evidence exists"
        case .guardianIsSuspectedExploiter: "the parent or guardian is the suspected exploiter"
        }
    }
}
