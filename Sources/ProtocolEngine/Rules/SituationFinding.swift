/// A situation the facts show, with the reasons why.
public struct SituationFinding: Sendable, Codable, Equatable {
    public var situation: Situation
    public var reasons: [String]
    /// The indicators that showed it.
    public var indicators: [IndicatorID]
    /// For at-risk: how each criteria group fared.
    public var criteria: [CriteriaMatch]

    public init(situation: Situation, reasons: [String], indicators: [IndicatorID] = [], criteria: [CriteriaMatch] = []) {
        self.situation = situation
        self.reasons = reasons
        self.indicators = indicators
        self.criteria = criteria
    }
}

/// How one criteria group fared against the facts.
public struct CriteriaMatch: Sendable, Codable, Equatable {
    public var group: String
    public var title: String
    public var threshold: Int
    /// The county's wording of each factor present.
    public var factorsPresent: [String]

    public var isMet: Bool { factorsPresent.count >= threshold }

    public init(group: String, title: String, threshold: Int, factorsPresent: [String]) {
        self.group = group
        self.title = title
        self.threshold = threshold
        self.factorsPresent = factorsPresent
    }
}
