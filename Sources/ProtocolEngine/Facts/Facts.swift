/// What is known about a student and the case: observed indicators and case flags.
public struct Facts: Sendable, Codable, Equatable, Hashable {
    public var indicators: Set<IndicatorID>
    public var flags: Set<CaseFlag>

    public init(indicators: Set<IndicatorID> = [], flags: Set<CaseFlag> = []) {
        self.indicators = indicators
        self.flags = flags
    }

    /// Each set encoded sorted: the same facts give the same bytes in every process (a set's own
    /// order changes from one run to the next), which content fingerprints rest on.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(indicators.sorted(), forKey: .indicators)
        try container.encode(flags.sorted { $0.rawValue < $1.rawValue }, forKey: .flags)
    }

    public func has(_ flag: CaseFlag) -> Bool {
        flags.contains(flag)
    }

    /// What law enforcement has said of the evidence: three facts, not two. A case that
    /// says nothing about evidence has not been assessed, which is not "insufficient".
    public var evidence: EvidenceAssessment {
        if has(.evidenceSufficient) { return .sufficient }
        if has(.evidenceInsufficient) { return .insufficient }
        return .notAssessed
    }
}

/// Whether sufficient and/or reliable evidence exists, as law enforcement has judged it.
public enum EvidenceAssessment: String, Sendable, Codable, Equatable, CaseIterable {
    case notAssessed = "not-assessed"
    case insufficient
    case sufficient

    /// The assessment as a trainee reads it.
    public var summary: String {
        switch self {
        case .notAssessed: "law enforcement has not yet assessed the evidence"
        case .insufficient: "law enforcement has judged the evidence not (yet) sufficient or reliable"
        case .sufficient: "law enforcement has judged the evidence sufficient and/or reliable"
        }
    }
}
