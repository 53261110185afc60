/// Item analysis of completion records, per jurisdiction: how hard each item is (facility),
/// whether it tells those who know from those who do not (discrimination), which wrong options
/// and catalogued mistakes are chosen, who chooses critical mistakes, and which situation
/// categories are read as which. Formulas and readings: docs/item-analysis.md.
public struct ItemAnalysisReport: Sendable, Codable, Equatable {
    /// What this JSON is: `csec-trainer-item-analysis`.
    public static let formatName = "csec-trainer-item-analysis"
    /// The version of this report's JSON (`schemas/item-analysis.schema.json`).
    public static let currentFormatVersion = 1

    public var format: String
    public var formatVersion: Int
    public var jurisdictions: [JurisdictionAnalysis]

    public init(jurisdictions: [JurisdictionAnalysis]) {
        format = Self.formatName
        formatVersion = Self.currentFormatVersion
        self.jurisdictions = jurisdictions
    }
}

/// The analysis of one jurisdiction's records.
public struct JurisdictionAnalysis: Sendable, Codable, Equatable {
    public var jurisdiction: String
    /// Records analysed, and how many of them are group attendance (no individual score: in
    /// facility and option counts, left out of discrimination).
    public var records: Int
    public var groupAttendanceRecords: Int
    /// Per item (vignette × stage × kind), sorted by vignette, stage and kind.
    public var items: [ItemStatistics]
    /// The items of each question kind taken together.
    public var byKind: [GroupStatistics]
    /// The items of each stage taken together.
    public var byStage: [GroupStatistics]
    /// Every catalogued mistake chosen, most chosen first.
    public var mistakes: [MistakeCount]
    /// Per school and role (as the records give them; "" when not given).
    public var criticalMistakes: [CriticalMistakeCount]
    public var confusion: ConfusionMatrix
    /// Answers whose chosen or correct option this content does not offer (other content, or
    /// another jurisdiction's): counted in facility, left out of mistakes and the matrix.
    public var unmatchedAnswers: Int
}

/// One item's figures.
public struct ItemStatistics: Sendable, Codable, Equatable {
    public var item: ItemKey
    public var answered: Int
    public var correct: Int
    /// The share answered correctly, 0 to 1.
    public var facility: Double
    /// The corrected item–rest point-biserial correlation, -1 to 1; nil when undefined.
    public var discrimination: Double?
    /// The individually scored attempts the discrimination is computed over.
    public var discriminationAttempts: Int
    /// Each wrong option chosen, most chosen first.
    public var wrongOptions: [OptionCount]
}

/// A wrong option and how often it was chosen, with what it stands for when the content says.
public struct OptionCount: Sendable, Codable, Equatable {
    public var option: String
    public var chosen: Int
    /// The catalogued mistake it is, if one.
    public var mistake: String?
    public var critical: Bool?
}

/// A set of items taken together (one question kind, or one stage).
public struct GroupStatistics: Sendable, Codable, Equatable {
    /// The kind ("category", "next-step") or the stage ("1", "2", …).
    public var group: String
    public var items: Int
    public var answered: Int
    public var correct: Int
    public var facility: Double
    /// The corrected part–rest correlation: the attempt's share correct on these items against
    /// its share of points on the others; nil when undefined.
    public var discrimination: Double?
    public var discriminationAttempts: Int
}

/// A catalogued mistake and how often it was chosen.
public struct MistakeCount: Sendable, Codable, Equatable {
    public var mistake: String
    public var critical: Bool
    public var chosen: Int
}

/// Critical mistakes of one school and role.
public struct CriticalMistakeCount: Sendable, Codable, Equatable {
    public var school: String
    public var role: String
    /// Records of this school and role.
    public var attempts: Int
    /// Records with at least one critical mistake.
    public var attemptsWithCritical: Int
    /// Critical mistakes chosen in all.
    public var criticalChosen: Int
}

/// The category questions' answers: for each true situation category (row), how often each
/// category (column) was chosen. "none" is "does not meet protocol criteria".
public struct ConfusionMatrix: Sendable, Codable, Equatable {
    /// Category ids in the county's order, then "none".
    public var categories: [String]
    /// The printed names, in the same order.
    public var names: [String]
    /// `counts[row][column]`: true category `row`, chosen `column`.
    public var counts: [[Int]]

    /// How often `truth` was read as `chosen`.
    public func count(truth: String, chosen: String) -> Int? {
        guard let row = categories.firstIndex(of: truth), let column = categories.firstIndex(of: chosen) else { return nil }
        return counts[row][column]
    }
}
