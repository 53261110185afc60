/// Why an individual attempt was taken. The course is the training itself (and, when a pre-test
/// came before it, the post-test); a pre-test and a refresher are practice: they are kept and
/// analysed, but never count as completing training.
public enum AttemptPurpose: String, Sendable, Codable, CaseIterable, Equatable {
    /// The training (a record without a purpose is one).
    case training
    /// A short test before the briefing and the training, on vignettes the training then does
    /// not use, answered without feedback: what the person knew before.
    case preTest = "pre-test"
    /// A short refresher after a passed attempt, drawn from what the person got wrong.
    case refresher

    /// Whether an attempt of this purpose can complete training.
    public var canCompleteTraining: Bool { self == .training }

    /// "pre-test", "refresher": how reports name it.
    public var name: String { rawValue }
}
