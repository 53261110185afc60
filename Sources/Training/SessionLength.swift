/// How long a self-paced session is: a named length, or a number of vignettes.
public enum SessionLength: Sendable, Equatable, Hashable {
    /// A short refresher: vignettes until about ``refresherQuestions`` questions.
    case refresher
    /// The full course: ``courseVignettes`` vignettes, each with its stages' questions.
    case course
    /// Exactly this many vignettes.
    case vignettes(Int)
    /// Vignettes until at least this many questions: a refresher aimed at a person's weak areas
    /// is ``targetedRefresher``.
    case questions(Int)

    /// The refresher's question target.
    public static let refresherQuestions = 8
    /// A targeted refresher's question target: a short practice on what the person got wrong.
    public static let targetedRefresherQuestions = 5
    /// A refresher aimed at a person's weak areas: vignettes until about
    /// ``targetedRefresherQuestions`` questions.
    public static let targetedRefresher = SessionLength.questions(targetedRefresherQuestions)
    /// The course's vignette count.
    public static let courseVignettes = 6

    /// Whether a plan of this length is complete with this many vignettes and questions.
    public func isReached(vignettes: Int, questions: Int) -> Bool {
        switch self {
        case .refresher: questions >= Self.refresherQuestions
        case .course: vignettes >= Self.courseVignettes
        case .vignettes(let count): vignettes >= max(count, 1)
        case .questions(let count): questions >= max(count, 1)
        }
    }

    /// Its name, for a menu or a flag.
    public var name: String {
        switch self {
        case .refresher: "refresher"
        case .course: "course"
        case .vignettes(let count): "\(count) vignette\(count == 1 ? "" : "s")"
        case .questions(let count): "\(count) question\(count == 1 ? "" : "s")"
        }
    }

    /// What it means, in words.
    public var summary: String {
        switch self {
        case .refresher: "a short refresher, about \(Self.refresherQuestions) questions"
        case .course: "the full course, \(Self.courseVignettes) cases with a question at each stage"
        case .vignettes(let count): "\(count) case\(count == 1 ? "" : "s") with a question at each stage"
        case .questions(let count): "a short practice, about \(count) question\(count == 1 ? "" : "s")"
        }
    }
}
