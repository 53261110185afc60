import Foundation
import ProtocolEngine
import Records
import ScenarioEngine

/// The xAPI statements of one completion record, in the order cmi5 keeps (though these are
/// plain xAPI, not cmi5-defined statements: outside an LMS launch there is no registration,
/// session or launch data to give, so no cmi5 category is claimed):
///
/// - a scored attempt: `initialized` (started), `answered` for each question (a `choice`
///   interaction with the choices, the correct one, the response and success), `passed` or
///   `failed` with the score and the duration, `completed` for training that passed (never
///   practice: a pre-test or a refresher completes nothing), and `terminated`;
/// - group attendance (the room answered together, nobody was scored): `attended` the session,
///   and `completed` when the room covered the whole session.
///
/// Each statement's id derives from the record (``StatementID``), so the same record always
/// gives the same statements. Pure: the record, the rebuilt questions and the policy are given.
public struct RecordStatements: Sendable {
    public var actors: ActorPolicy

    public init(actors: ActorPolicy) {
        self.actors = actors
    }

    /// The statements of `record`. `questions` are the attempt's questions rebuilt from the
    /// content the record names (only when its protocol matches the loaded content): a question
    /// whose id, correct option and chosen option agree with the record gives every choice with
    /// its text and the question's prompt; any other answer gives its response and the correct
    /// one, and no list of choices (a partial list would be a wrong definition of the activity).
    public func statements(for record: CompletionRecord, questions: [Question] = []) -> [Statement] {
        let builder = Builder(record: record, agent: actors.agent(for: record.trainee))
        if record.mode.kind == .groupAttendance { return builder.attendance() }
        let rebuilt = Dictionary(questions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let answers = record.questions.enumerated().map { position, answer in
            builder.answered(answer, position: position + 1, question: rebuilt[answer.questionID])
        }
        return [builder.initialized()] + answers + builder.outcome()
    }
}

/// Builds one record's statements.
private struct Builder {
    let record: CompletionRecord
    let agent: Agent
    let recordID: String
    let course: Activity
    /// The course for training, a pre-test or refresher activity for practice.
    let attempt: Activity

    init(record: CompletionRecord, agent: Agent) {
        self.record = record
        self.agent = agent
        recordID = record.id.uuidString.lowercased()
        let training = record.training
        let courseName = "CSEC response protocol training: \(training.jurisdictionName)"
        course = Activity(
            id: ExtensionIRI.activity([training.module, training.jurisdiction]),
            definition: ActivityDefinition(type: ActivityDefinition.ActivityType.course, name: ["en-US": courseName]))
        if let purpose = record.purpose, !purpose.canCompleteTraining {
            let label = purpose == .preTest ? "Pre-test" : "Refresher"
            attempt = Activity(
                id: ExtensionIRI.activity([training.module, training.jurisdiction, purpose.rawValue]),
                definition: ActivityDefinition(
                    type: ActivityDefinition.ActivityType.assessment, name: ["en-US": "\(label), \(courseName)"]))
        } else {
            attempt = course
        }
    }

    func initialized() -> Statement {
        statement(.initialized, object: attempt, at: XAPITimestamp.text(record.startedAt))
    }

    func answered(_ answer: QuestionResult, position: Int, question: Question?) -> Statement {
        let matching = question.flatMap { question in
            question.correctOptionID.rawValue == answer.correctOption
                && question.options.contains { $0.id.rawValue == answer.chosenOption } ? question : nil
        }
        // Every choice, or none: a `choices` list must name all of the interaction's components
        // (xAPI-Data §2.4.4.1), and an LRS keeps one definition per activity id.
        let choices = matching.map { question in
            question.options.map { InteractionComponent(id: $0.id.rawValue, description: ["en-US": $0.text]) }
        }
        let kind = QuestionKind(rawValue: answer.kind)?.name ?? answer.kind
        let training = record.training
        let content = String(training.protocolHash.prefix(12)) + "-" + String(training.scenarioBankHash.prefix(12))
        let object = Activity(
            id: ExtensionIRI.activity([training.module, training.jurisdiction, "questions", content, answer.questionID]),
            definition: ActivityDefinition(
                type: ActivityDefinition.ActivityType.interaction,
                name: ["en-US": "\(answer.vignette), stage \(answer.stage): \(kind)"],
                description: matching.map { ["en-US": $0.prompt] }, interactionType: "choice",
                correctResponsesPattern: [answer.correctOption], choices: choices))
        let result = StatementResult(
            score: Score(points: answer.points, possiblePoints: answer.possiblePoints),
            success: answer.chosenOption == answer.correctOption, response: answer.chosenOption)
        return statement(
            .answered, object: object, result: result, at: XAPITimestamp.text(record.completedAt),
            name: "answered:\(position):\(answer.questionID)", parent: attempt)
    }

    /// Passed or failed, completed for training that passed, and terminated.
    func outcome() -> [Statement] {
        let duration = ISO8601Duration.text(seconds: record.activeSeconds)
        let finished = XAPITimestamp.text(record.completedAt)
        let passed = record.score?.passed ?? false
        let judged = StatementResult(
            score: record.score.map { Score(points: $0.points, possiblePoints: $0.possiblePoints) }, success: passed,
            duration: duration, extensions: record.score.map { [ExtensionIRI.reasons: .array($0.reasons.map(JSONValue.string))] })
        var statements = [statement(passed ? .passed : .failed, object: attempt, result: judged, at: finished)]
        if record.outcome.completesTraining {
            statements.append(
                statement(.completed, object: course, result: StatementResult(completion: true, duration: duration), at: finished)
            )
        }
        statements.append(
            statement(
                .terminated, object: attempt, result: StatementResult(duration: duration),
                at: XAPITimestamp.text(record.completedAt, plusMilliseconds: 1)))
        return statements
    }

    /// Attended the session, and completed the course when the room covered the whole session.
    func attendance() -> [Statement] {
        let duration = ISO8601Duration.text(seconds: record.activeSeconds)
        let session = Activity(
            id: ExtensionIRI.activity(["group-sessions", record.mode.sessionID ?? recordID]),
            definition: ActivityDefinition(
                type: ActivityDefinition.ActivityType.meeting,
                name: ["en-US": "Trainer-led group session, \(record.training.jurisdictionName)"]))
        var statements = [
            statement(
                .attended, object: session, result: StatementResult(duration: duration),
                at: XAPITimestamp.text(record.completedAt))
        ]
        if record.outcome.completesTraining {
            statements.append(
                statement(
                    .completed, object: course, result: StatementResult(completion: true, duration: duration),
                    at: XAPITimestamp.text(record.completedAt, plusMilliseconds: 1)))
        }
        return statements
    }

    private func statement(
        _ verb: Verb, object: Activity, result: StatementResult? = nil, at timestamp: String, name: String? = nil,
        parent: Activity? = nil
    ) -> Statement {
        let verbName = verb.display["en-US"] ?? verb.id
        let grouping = object.id == course.id || parent?.id == course.id ? nil : [course]
        return Statement(
            id: StatementID.uuid5("record:\(recordID):\(name ?? verbName)"), actor: agent, verb: verb, object: object,
            result: result,
            context: StatementContext(
                registration: recordID,
                contextActivities: parent == nil && grouping == nil
                    ? nil : ContextActivities(parent: parent.map { [$0] }, grouping: grouping),
                platform: "csec-trainer", language: "en-US", extensions: extensions()),
            timestamp: timestamp)
    }

    private func extensions() -> [String: JSONValue] {
        let training = record.training
        var extensions: [String: JSONValue] = [
            ExtensionIRI.jurisdiction: .string(training.jurisdiction),
            ExtensionIRI.protocolVersion: .string(training.protocolVersion),
            ExtensionIRI.protocolHash: .string(training.protocolHash),
            ExtensionIRI.scenarioBankHash: .string(training.scenarioBankHash),
            ExtensionIRI.seed: .string(String(training.seed)), ExtensionIRI.mode: .string(record.mode.kind.rawValue),
        ]
        if let score = record.score { extensions[ExtensionIRI.policy] = .string("\(score.policyID)@\(score.policyVersion)") }
        if let purpose = record.purpose { extensions[ExtensionIRI.purpose] = .string(purpose.rawValue) }
        if let issuer = record.issuer { extensions[ExtensionIRI.issuer] = .string(issuer) }
        if let session = record.mode.sessionID { extensions[ExtensionIRI.session] = .string(session) }
        return extensions
    }
}
