import Accounts
import Completion
import Hummingbird
import LocalStore
import ProtocolEngine
import Records
import Training

/// The pre-test in the browser, when the course offers it (``DistrictServer/offersPreTest``):
/// before a person's first attempt on this protocol, `GET /training` offers a short pre-test
/// before the briefing and the training (or to skip it).
///
/// - `POST /training/pre-test/start`: a refresher's length, drawn like any new attempt, its record
///   marked as a pre-test; then the usual `GET /training/question` and `POST /training/answer`;
/// - after each saved answer, `GET /training/feedback` shows no feedback: the next question, or
///   after the last the form that finishes the pre-test;
/// - `POST /training/pre-test/finish` stores the signed record and shows the score, neither
///   passed nor failed, with the briefing and the training that follow.
extension DistrictServer {
    func addPreTestRoutes(to router: Router<DistrictRequestContext>) {
        router.post("/training/pre-test/start") { _, context in
            try await asStaff(context) { _, member in
                guard offersPreTest else { return PageResponse.redirect(to: "/training") }
                do {
                    let draw = try await training.retakeDraw(for: member.trainee)
                    try await onDiskThreads {
                        _ = try training.begin(
                            member.trainee, as: member.attemptKey, jurisdiction: jurisdiction, length: .refresher,
                            draw: draw, purpose: .preTest)
                    }
                } catch AttemptError.inProgress {
                    // Started already (a second tab, a form sent twice): continue it.
                }
                return PageResponse.redirect(to: "/training/question")
            }
        }
        router.post("/training/pre-test/finish") { _, context in
            try await asStaff(context) { session, member in
                let finished = try await training.finish(member.attemptKey)
                return PageResponse.page(
                    PreTestPages.done(
                        percent: finished.record.outcome.percent ?? 0, hasBriefing: briefing != nil, session: session))
            }
        }
    }

    /// Instead of the start page (`GET /training`): the offer of the pre-test, when the course
    /// offers it, nothing is in progress (`saved`), and the person has no record on this protocol
    /// yet; nil otherwise (and when their records cannot be read: the training is not held up).
    func preTestOffer(for member: StaffMember, saved: SessionProgress?, session: WebSession) async -> Response? {
        guard offersPreTest, saved == nil,
            let history = try? await TraineeHistory.of(member.trainee, in: training.records),
            !history.records.contains(where: { $0.training.jurisdiction == jurisdiction.id.rawValue })
        else { return nil }
        return PageResponse.page(PreTestPages.offer(contentNote: contentNote, jurisdiction: jurisdiction, session: session))
    }

    /// Instead of the feedback page (`GET /training/feedback`) of a pre-test: the next question,
    /// or the form that finishes it; nil for any other attempt.
    static func preTestStep(_ attempt: SelfPacedAttempt, session: WebSession) -> Response? {
        guard attempt.progress.purpose == .preTest else { return nil }
        guard attempt.isFinished else { return PageResponse.redirect(to: "/training/question") }
        return PageResponse.page(PreTestPages.lastAnswered(session: session))
    }
}
