import Briefing
import ProtocolEngine
import ScenarioEngine
import Scoring
import Training

extension PlayerContent {
    /// The player's content for `plan`: its questions with the correct options and explanations
    /// the engine computed, the briefing and content note for `jurisdiction`, and `policy`.
    public init(
        plan: TrainingPlan, jurisdiction: JurisdictionProtocol, briefing: Briefing, contentNote: ContentNote,
        policy: ScoringPolicy
    ) throws(LMSPackageError) {
        let identity = PackageIdentity(jurisdiction: jurisdiction.id.rawValue, seed: plan.seed)
        var cases: [Case] = []
        for (index, question) in plan.questions.enumerated() {
            let asked = try Self.question(question, number: index + 1, policy: policy)
            if let last = cases.last, last.vignetteID == question.vignette.id.rawValue {
                cases[cases.count - 1].questions.append(asked)
            } else {
                let vignette = question.vignette
                cases.append(
                    Case(
                        vignetteID: vignette.id.rawValue, title: vignette.title, narrative: vignette.narrative, questions: [asked]
                    ))
            }
        }
        self.init(
            format: Self.formatName, formatVersion: Self.currentFormatVersion,
            title: identity.title(jurisdictionName: jurisdiction.name),
            jurisdiction: Jurisdiction(id: jurisdiction.id.rawValue, name: jurisdiction.name), seed: plan.seed,
            contentNote: Note(contentNote), briefing: BriefingContent(briefing), cases: cases,
            scoring: Scoring(policy), questionIRIBase: identity.questionIRIBase)
    }

    private static func question(_ question: ScenarioEngine.Question, number: Int, policy: ScoringPolicy)
        throws(LMSPackageError) -> Question
    {
        let letters = question.options.indices.compactMap(ChoiceLetter.letter(at:))
        guard letters.count == question.options.count else {
            throw .tooManyOptions(question: question.id, count: question.options.count)
        }
        let options = zip(question.options, letters).map { option, letter in
            Option(
                letter: letter, text: option.text,
                whyWrong: option.id == question.correctOptionID ? nil : question.explanation.whyWrong[option.id],
                mistake: option.mistake?.why, critical: option.mistake?.critical ?? false)
        }
        guard let correctIndex = question.options.firstIndex(where: { $0.id == question.correctOptionID }) else {
            throw .noCorrectOption(question: question.id)
        }
        let explanation = question.explanation
        return Question(
            id: question.id, interactionID: InteractionID.make(questionID: question.id, number: number), number: number,
            kind: question.kind.rawValue, kindName: question.kind.name,
            story: question.vignette.stages.prefix(question.stage + 1).compactMap(\.narrative), prompt: question.prompt,
            options: options, correct: letters[correctIndex], points: policy.points(for: question.kind),
            explanation: Explanation(
                answer: explanation.answer, source: explanation.source, reasons: explanation.reasons,
                definition: explanation.definition))
    }
}

extension PlayerContent.Note {
    init(_ note: ContentNote) {
        self.init(heading: note.heading, text: note.text, supportLines: note.supportLines.map(\.text))
    }
}

extension PlayerContent.BriefingContent {
    init(_ briefing: Briefing) {
        self.init(
            title: briefing.title, protocolLine: briefing.protocolLine,
            sections: briefing.sections.map { section in
                PlayerContent.Section(heading: section.heading, blocks: section.blocks.map(PlayerContent.Block.init))
            })
    }
}

extension PlayerContent.Block {
    init(_ block: BriefingBlock) {
        switch block {
        case .paragraph(let text): self.init(kind: .paragraph, text: text)
        case .subheading(let text): self.init(kind: .subheading, text: text)
        case .note(let text): self.init(kind: .note, text: text)
        case .list(let items): self.init(kind: .list, items: items)
        case .step(let number, let wording, let details): self.init(kind: .step, text: wording, items: details, number: number)
        }
    }
}

extension PlayerContent.Scoring {
    init(_ policy: ScoringPolicy) {
        self.init(
            policy: "\(policy.id)@\(policy.version)", passMark: policy.passMark,
            passPercent: Int((policy.passMark * 100).rounded()), criticalMistakesFail: policy.criticalMistakesFail)
    }
}
