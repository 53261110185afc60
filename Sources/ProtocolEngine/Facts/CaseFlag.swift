/// A fact about the case that is not an indicator about the student's behaviour.
public enum CaseFlag: String, Sendable, Codable, Equatable, Hashable, CaseIterable {
    /// Exploitation is confirmed: law enforcement, child welfare or probation has identified
    /// the student as a victim, or the student has disclosed being exploited.
    case exploitationConfirmed = "exploitation-confirmed"
    /// The student is recruiting or exploiting other students, as established by the school
    /// (reports from other students, messages seen, an admission).
    case studentRecruitingOthers = "student-recruiting-others"
    /// The parent or guardian is the suspected exploiter.
    case guardianIsSuspectedExploiter = "guardian-is-suspected-exploiter"
    /// The student is in immediate danger now.
    case imminentDanger = "imminent-danger"
    /// Law enforcement judges the evidence sufficient and/or reliable.
    case evidenceSufficient = "evidence-sufficient"
    /// Law enforcement has assessed the evidence and judges it not (yet) sufficient or reliable.
    /// Without this flag or `evidence-sufficient`, the evidence has not been assessed.
    case evidenceInsufficient = "evidence-insufficient"
    /// Consulted about contacting their parent or guardian, the student declines.
    case studentDeclinesParentContact = "student-declines-parent-contact"

    /// The flag as a trainee reads it.
    public var summary: String {
        switch self {
        case .exploitationConfirmed: "exploitation is confirmed"
        case .studentRecruitingOthers: "the student is recruiting or exploiting other students"
        case .guardianIsSuspectedExploiter: "the parent or guardian is the suspected exploiter"
        case .imminentDanger: "the student is in immediate danger"
        case .evidenceSufficient: "law enforcement judges the evidence sufficient and/or reliable"
        case .evidenceInsufficient: "law enforcement judges the evidence not (yet) sufficient or reliable"
        case .studentDeclinesParentContact: "the student, consulted, declines contact with their parent or guardian"
        }
    }
}
