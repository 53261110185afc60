/// When the facts amount to "suspected victim".
///
/// None of the county protocols defines this threshold. csec-trainer's reading: a student is a
/// suspected victim when at least ``directIndicators`` direct indicators are present, or at
/// least ``warningSigns`` warning signs. Both numbers are data (`Scoring/vocabulary.yaml`).
public struct SuspicionRule: Sendable, Codable, Equatable {
    public var directIndicators: Int
    public var warningSigns: Int

    public init(directIndicators: Int, warningSigns: Int) {
        self.directIndicators = directIndicators
        self.warningSigns = warningSigns
    }
}
