/// A group of at-risk factors with a threshold, such as "criteria 2: at least two factors".
public struct CriteriaGroup: Sendable, Codable, Equatable, Identifiable {
    public var id: String
    /// The group's heading, as printed.
    public var title: String
    /// How many distinct factors of this group must be present.
    public var threshold: Int
    public var factors: [RiskFactor]

    public init(id: String, title: String, threshold: Int, factors: [RiskFactor]) {
        self.id = id
        self.title = title
        self.threshold = threshold
        self.factors = factors
    }

    /// The factors present in `indicators`. A factor counts once however many of its
    /// indicators are present.
    public func factorsPresent(in indicators: Set<IndicatorID>) -> [RiskFactor] {
        // A case has a few indicators and a group many: scan the case's, rather than hash each
        // of the group's.
        factors.filter { factor in indicators.contains(where: factor.indicators.contains) }
    }
}

/// One at-risk factor in a county's own wording, and the observable indicators that show it.
public struct RiskFactor: Sendable, Codable, Equatable {
    public var wording: String
    public var indicators: [IndicatorID]

    public init(wording: String, indicators: [IndicatorID]) {
        self.wording = wording
        self.indicators = indicators
    }
}
