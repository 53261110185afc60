/// An observable fact about a student that a vignette can state.
public struct IndicatorDefinition: Sendable, Codable, Equatable, Identifiable {
    public var id: IndicatorID
    public var kind: IndicatorKind
    /// What a staff member would observe, in plain language.
    public var description: String
    /// A school service the fact points to whatever the protocol says, such as the district's
    /// homeless liaison for a student without stable housing.
    public var service: String?

    public init(id: IndicatorID, kind: IndicatorKind, description: String, service: String? = nil) {
        self.id = id
        self.kind = kind
        self.description = description
        self.service = service
    }
}

/// How the engine reads an indicator.
public enum IndicatorKind: String, Sendable, Codable, Equatable, CaseIterable {
    /// A California Department of Social Services at-risk factor. It counts only through a
    /// county's at-risk criteria, which map their factors onto these indicators.
    case riskFactor = "risk-factor"
    /// A widely taught warning sign of exploitation; the suspicion rule counts them.
    case warningSign = "warning-sign"
    /// Exploitation as the seeds define it (something of value exchanged for a sexual act,
    /// survival sex, sextortion, a third party who benefits). One is enough for suspicion.
    case directIndicator = "direct-indicator"
    /// A sign that the student recruits or exploits other students.
    case recruitmentSign = "recruitment-sign"
}
