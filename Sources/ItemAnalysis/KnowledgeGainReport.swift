/// What staff learned between a pre-test and the training that followed it (the post-test), per
/// jurisdiction: for everyone, and per district, school, role and situation category, the mean
/// scores before and after, the mean difference with its 95% confidence interval, and the
/// normalised gain. Formulas and readings: docs/item-analysis.md ("Knowledge gain").
public struct KnowledgeGainReport: Sendable, Codable, Equatable {
    /// What this JSON is: `csec-trainer-knowledge-gain`.
    public static let formatName = "csec-trainer-knowledge-gain"
    /// The version of this report's JSON (`schemas/knowledge-gain.schema.json`).
    public static let currentFormatVersion = 1

    public var format: String
    public var formatVersion: Int
    public var jurisdictions: [JurisdictionGain]

    public init(jurisdictions: [JurisdictionGain]) {
        format = Self.formatName
        formatVersion = Self.currentFormatVersion
        self.jurisdictions = jurisdictions
    }
}

/// The knowledge gain of one jurisdiction's pre-tests and post-tests.
public struct JurisdictionGain: Sendable, Codable, Equatable {
    public var jurisdiction: String
    /// Pre-tests taken, and those paired with a training attempt after them.
    public var preTests: Int
    public var pairs: Int
    /// Everyone paired, as one group ("all"); nil without a pair.
    public var overall: GainStatistics?
    /// Per district, school and role as the post-test's record gives them ("" when not given),
    /// sorted by name.
    public var byDistrict: [GainStatistics]
    public var bySchool: [GainStatistics]
    public var byRole: [GainStatistics]
    /// Per situation category (its id; "none" for "does not meet protocol criteria"), in the
    /// county's order: the questions asked under it in both tests of a pair.
    public var byCategory: [GainStatistics]
}

/// One group's knowledge gain. Scores are percentages, 0 to 100.
public struct GainStatistics: Sendable, Codable, Equatable {
    /// The group's name: "all", a district, school or role, or a category id.
    public var group: String
    /// People's pre-test and post-test pairs in the group.
    public var pairs: Int
    public var meanPre: Double
    public var meanPost: Double
    /// The mean of (post − pre), in percentage points: the same as meanPost − meanPre.
    public var meanDifference: Double
    /// The 95% confidence interval of the mean difference (paired t); nil with fewer than two pairs.
    public var confidenceInterval: ConfidenceInterval?
    /// Hake's normalised gain (meanPost − meanPre) / (100 − meanPre): the share of what there was
    /// left to learn that was learned; nil when meanPre is 100.
    public var normalisedGain: Double?
}

/// A confidence interval, in percentage points.
public struct ConfidenceInterval: Sendable, Codable, Equatable {
    public var lower: Double
    public var upper: Double
}
