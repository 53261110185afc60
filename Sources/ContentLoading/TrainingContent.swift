import ProtocolEngine
import ScenarioEngine
import Scoring

/// All the content of a training session.
public struct TrainingContent: Sendable {
    public var library: ProtocolLibrary
    public var mistakes: [CommonMistake]
    public var policy: ScoringPolicy
    public var vignettes: [Vignette]

    public init(library: ProtocolLibrary, mistakes: [CommonMistake], policy: ScoringPolicy, vignettes: [Vignette]) {
        self.library = library
        self.mistakes = mistakes
        self.policy = policy
        self.vignettes = vignettes
    }

    public var questionBuilder: QuestionBuilder { QuestionBuilder(engine: library.engine, mistakes: mistakes) }
}
