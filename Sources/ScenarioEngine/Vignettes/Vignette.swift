import ProtocolEngine

/// The id of a vignette, such as `new-phone-and-hotel-keys`.
public typealias VignetteID = Identifier<Vignette>

/// A fictional, jurisdiction-neutral case: a short story, the observable facts it states, and
/// one or more stages of what has been done. The same vignette is asked under any county; the
/// protocol engine computes that county's answers.
public struct Vignette: Sendable, Codable, Equatable, Identifiable {
    public var id: VignetteID
    public var title: String
    /// A few short paragraphs in plain language.
    public var narrative: String
    /// The facts the narrative states at the start.
    public var facts: Facts
    /// At least one stage; the first usually has nothing done.
    public var stages: [Stage]
    public var tags: VignetteTags
    /// The answers the author intends, per jurisdiction; checked by `scenarios lint`.
    public var expectations: [JurisdictionID: AuthorExpectation]

    public init(
        id: VignetteID, title: String, narrative: String, facts: Facts, stages: [Stage], tags: VignetteTags,
        expectations: [JurisdictionID: AuthorExpectation] = [:]
    ) {
        self.id = id
        self.title = title
        self.narrative = narrative
        self.facts = facts
        self.stages = stages.isEmpty ? [Stage()] : stages
        self.tags = tags
        self.expectations = expectations
    }

    /// The facts known at `stage`: the starting facts plus those every stage so far adds.
    public func facts(atStage stage: Int) -> Facts {
        stages.prefix(stage + 1).reduce(facts, adding)
    }

    /// The facts known at each stage, in order.
    public var factsByStage: [Facts] {
        var known = facts
        return stages.map { stage in
            known = adding(known, stage)
            return known
        }
    }

    private func adding(_ known: Facts, _ stage: Stage) -> Facts {
        Facts(
            indicators: known.indicators.union(stage.addedFacts.indicators), flags: known.flags.union(stage.addedFacts.flags))
    }
}

/// A point in the story: what has been done by then, and what has come to light.
public struct Stage: Sendable, Codable, Equatable {
    /// What happens before this stage's question, if anything.
    public var narrative: String?
    /// Every action taken so far (cumulative, not just this stage's).
    public var done: Set<ActionID>
    /// Facts that come to light at this stage.
    public var addedFacts: Facts

    public init(narrative: String? = nil, done: Set<ActionID> = [], addedFacts: Facts = Facts()) {
        self.narrative = narrative
        self.done = done
        self.addedFacts = addedFacts
    }

    /// `done` encoded sorted, as ``ProtocolEngine/Facts`` encodes its sets: the scenario bank's
    /// fingerprint in every record is then the same in every process.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(narrative, forKey: .narrative)
        try container.encode(done.sorted(), forKey: .done)
        try container.encode(addedFacts, forKey: .addedFacts)
    }
}

/// Who a vignette is for, how hard it is, and what it is about.
public struct VignetteTags: Sendable, Codable, Equatable {
    public var audience: [String]
    public var difficulty: Difficulty
    public var topics: [String]

    public init(audience: [String], difficulty: Difficulty, topics: [String]) {
        self.audience = audience
        self.difficulty = difficulty
        self.topics = topics
    }
}

public enum Difficulty: String, Sendable, Codable, Equatable, CaseIterable {
    case introductory, intermediate, advanced
}
