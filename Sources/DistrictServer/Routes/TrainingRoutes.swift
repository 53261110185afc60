import Accounts
import Completion
import Foundation
import Hummingbird
import LocalStore
import Logging
import NIOPosix
import ProtocolEngine
import Records
import ScenarioEngine
import Scoring
import Training

/// The self-paced attempt in the browser, each step a call to the application layer
/// (``Completion/SelfPacedTraining``) on the attempt saved on the server, so a trainee can stop
/// on one device and continue on another:
///
/// - `GET /training`: the content note and support lines, the briefing link, start or continue;
/// - `POST /training/start`, then `GET /training/question`;
/// - `POST /training/answer`: saved, then `GET /training/feedback` (never before the save);
/// - after the last answer, `POST /training/finish` stores the signed record, then
///   `GET /records/{id}` shows the outcome.
extension DistrictServer {
    func addTrainingRoutes(to router: Router<DistrictRequestContext>) {
        router.get("/training") { _, context in
            try await asStaff(context) { session, member in
                let saved = try await onDiskThreads { try training.savedAttempt(of: member.attemptKey) }
                if let offer = await preTestOffer(for: member, saved: saved, session: session) { return offer }
                return PageResponse.page(
                    TrainingPages.start(
                        contentNote: contentNote, jurisdiction: jurisdiction, saved: saved, hasBriefing: briefing != nil,
                        session: session))
            }
        }
        router.get("/training/briefing") { _, context in
            try await asStaff(context) { session, _ in
                guard let briefing else { return PageResponse.redirect(to: "/training") }
                return PageResponse.page(BriefingPage.page(briefing, session: session))
            }
        }
        router.post("/training/start") { _, context in
            try await asStaff(context) { _, member in
                do {
                    let draw = try await training.retakeDraw(for: member.trainee)
                    try await onDiskThreads {
                        _ = try training.begin(
                            member.trainee, as: member.attemptKey, jurisdiction: jurisdiction, length: length, draw: draw)
                    }
                } catch AttemptError.inProgress {
                    // Started already (a second tab, a form sent twice): continue it.
                }
                return PageResponse.redirect(to: "/training/question")
            }
        }
        router.get("/training/question") { _, context in
            try await asStaff(context) { session, member in
                try await withResumed(member) { attempt in
                    guard let question = attempt.session.current else { return PageResponse.redirect(to: "/training/feedback") }
                    return PageResponse.page(questionPage(question, of: attempt, session: session))
                }
            }
        }
        router.post("/training/answer") { _, context in
            try await asStaff(context) { session, member in
                guard let questionID = context.form["question"], let option = context.form["option"] else {
                    return try await withResumed(member) { attempt in
                        guard let question = attempt.session.current else {
                            return PageResponse.redirect(to: "/training/feedback")
                        }
                        return PageResponse.page(
                            questionPage(
                                question, of: attempt, session: session, problem: "Choose one answer, then press Answer."),
                            status: .unprocessableContent)
                    }
                }
                // Saved before this returns: the feedback page is only ever shown for a saved answer.
                let step = try await onDiskThreads {
                    try training.answer(OptionID(option), to: questionID, of: member.attemptKey)
                }
                switch step {
                case .answered: return PageResponse.redirect(to: "/training/feedback")
                case .notCurrent: return PageResponse.redirect(to: "/training/question")
                }
            }
        }
        router.get("/training/feedback") { _, context in
            try await asStaff(context) { session, member in
                try await withResumed(member) { attempt in
                    if let step = Self.preTestStep(attempt, session: session) { return step }
                    guard let answered = attempt.lastAnswered, let feedback = attempt.lastFeedback else {
                        return PageResponse.redirect(to: "/training/question")
                    }
                    return PageResponse.page(
                        FeedbackPage.page(
                            feedback, to: answered.question, number: attempt.session.answers.count,
                            of: attempt.session.plan.questions.count, isLast: attempt.isFinished, session: session))
                }
            }
        }
        router.post("/training/finish") { _, context in
            try await asStaff(context) { _, member in
                let finished = try await training.finish(member.attemptKey)
                return PageResponse.redirect(to: "/records/\(finished.record.id.uuidString.lowercased())")
            }
        }
    }

    /// What `read` makes of `member`'s saved attempt, taken on ``diskThreads`` and let go there
    /// before this returns: never handed back across threads, where the hold on it could outlive
    /// the request and refuse the trainee's next one.
    private func withResumed<Value: Sendable>(
        _ member: StaffMember, _ read: @escaping @Sendable (SelfPacedAttempt) -> Value
    ) async throws -> Value {
        try await onDiskThreads { read(try training.resume(trainee: member.attemptKey)) }
    }

    /// Runs `work`, which reads or writes the disk (an answer is saved and flushed before its
    /// feedback), on ``diskThreads``: the few threads that serve requests go on serving others
    /// while it waits for the disk.
    func onDiskThreads<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await diskThreads.runIfActive(work)
    }

    private func questionPage(
        _ question: Question, of attempt: SelfPacedAttempt, session: WebSession, problem: String? = nil
    ) -> Page {
        let plan = attempt.session.plan
        return QuestionPage.page(
            question, number: attempt.session.answers.count + 1, of: plan.questions.count,
            // A pre-test asks what the person knew before the briefing, so it does not offer it.
            story: .init(of: question, in: plan), hasBriefing: briefing != nil && attempt.progress.purpose != .preTest,
            session: session, problem: problem)
    }

    /// Runs `body` for the signed-in staff member, one request of theirs at a time; a visitor
    /// who is not signed in as staff goes to the front page. The attempt's errors become pages:
    /// nothing to continue goes back to the start, a save that failed says so (and no feedback
    /// is shown).
    func asStaff(
        _ context: DistrictRequestContext,
        _ body: @Sendable (WebSession, StaffMember) async throws -> Response
    ) async throws -> Response {
        guard let session = context.session, case .staff(let member) = session.person else {
            return PageResponse.redirect(to: "/")
        }
        do {
            return try await turns.run(for: member.attemptKey) { try await body(session, member) }
        } catch let error as AttemptError {
            switch error {
            case .nothingToResume: return PageResponse.redirect(to: "/training")
            case .inProgress: return PageResponse.redirect(to: "/training/question")
            case .notFinished: return PageResponse.redirect(to: "/training/question")
            default:
                context.logger.error("a training step failed", metadata: ["trainee": "\(member.name)", "error": "\(error)"])
                return PageResponse.page(
                    ErrorPages.unavailable("Your last step could not be saved on the server, so it was not taken."),
                    status: .serviceUnavailable)
            }
        }
    }
}

extension StaffMember {
    /// Whose attempt in progress it is: the roster's employee id, which no two people share
    /// (two people may share a name).
    public var attemptKey: String { "employee " + employeeKey }

    /// The person on the roster as the completion record names them.
    var trainee: Trainee {
        Trainee(
            name: name, employeeID: employeeID, email: email, school: school, district: district, role: role,
            hireDate: hireDate)
    }
}
