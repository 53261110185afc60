import ContentLoading
import Foundation
import ItemAnalysis
import ProtocolEngine
import Records
import ScenarioEngine
import Scoring
import TestSupport
import Training

/// Completion records of a real training plan (a county's protocol, the bundled vignettes),
/// answered by simulated trainees with planted properties, for the item analysis contract: each
/// question right with a given chance, else a wrong option drawn at random, unless a test plants
/// which one. Options and categories come from the loaded content, never typed in.
struct PlantedAnswers {
    let content: TrainingContent
    let jurisdiction: JurisdictionProtocol
    let plan: TrainingPlan

    init(jurisdiction id: String = "marin", count: Int = 6, seed: UInt64 = 2026) throws {
        content = try Fixtures.trainingContent()
        jurisdiction = try Fixtures.jurisdiction(id)
        plan = TrainingPlan(
            bank: content.vignettes, jurisdiction: jurisdiction, count: count, seed: seed, builder: content.questionBuilder)
    }

    /// The item analysis read against the bundled content of every county, as `records stats`
    /// reads it.
    static func analysis(of content: TrainingContent) -> ItemAnalysis {
        ItemAnalysis(
            content: Dictionary(
                uniqueKeysWithValues: content.library.protocols.map {
                    ($0.id.rawValue, AnalysisContent(jurisdiction: $0, mistakes: content.mistakes))
                }))
    }

    var analysis: ItemAnalysis { Self.analysis(of: content) }

    /// One record of trainee `name`: `choose` gives the option chosen for each question (by index).
    func record(
        name: String = "Trainee", school: String? = "Redwood High", role: String? = "teacher", attendance: Bool = false,
        choose: (Int, Question) -> OptionID
    ) -> CompletionRecord {
        let answers = plan.questions.enumerated().map { AnsweredQuestion(question: $1, chosen: choose($0, $1)) }
        let training = TrainingModule(
            module: "csec-response-protocol", jurisdiction: jurisdiction.id.rawValue, jurisdictionName: jurisdiction.name,
            protocolVersion: "test", protocolHash: String(repeating: "a", count: 64),
            scenarioBankHash: String(repeating: "b", count: 64), seed: 2026)
        let now = Timestamp(Date(timeIntervalSince1970: 1_790_000_000), utcOffsetSeconds: 0)
        let trainee = Trainee(name: name, school: school, role: role)
        if attendance {
            return CompletionRecord(
                id: UUID(), attendee: trainee, training: training, session: "room", facilitator: "Dana Whitfield",
                startedAt: now, completedAt: now, roomAnswers: answers, planned: answers.count, policy: content.policy)
        }
        return CompletionRecord(
            id: UUID(), trainee: trainee, training: training, mode: .selfPaced, startedAt: now, completedAt: now,
            activeSeconds: 600, answers: answers, score: ScoreSummary(content.policy.score(answers)), policy: content.policy)
    }

    /// `count` trainees who get question `index` right with `chance(index)`, else pick a wrong
    /// option at random; named `Trainee 000`, `Trainee 001`, ….
    func records(
        _ count: Int, seed: UInt64, school: String? = "Redwood High", role: String? = "teacher",
        chance: (Int) -> Double
    ) -> [CompletionRecord] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { number in
            record(name: Self.name(number), school: school, role: role) { index, question in
                Self.answer(question, right: Double.random(in: 0..<1, using: &generator) < chance(index), using: &generator)
            }
        }
    }

    static func name(_ number: Int) -> String {
        "Trainee " + String(String(number + 1000).suffix(3))
    }

    static func answer(_ question: Question, right: Bool, using generator: inout SplitMix64) -> OptionID {
        guard !right else { return question.correctOptionID }
        return question.options.filter { $0.id != question.correctOptionID }.randomElement(using: &generator)!.id
    }

    /// The item of question `index`, as the analysis names it.
    func item(_ index: Int) -> ItemKey {
        let question = plan.questions[index]
        return ItemKey(vignette: question.vignette.id.rawValue, stage: question.stage + 1, kind: question.kind.rawValue)
    }

    /// The category of option `id` of `question`, by the option's origin (nil for none).
    static func category(_ id: OptionID, in question: Question) -> String? {
        guard case .category(let category?) = question.option(id)?.origin else { return nil }
        return category.rawValue
    }
}
