import ContentLoading
import ProtocolEngine
import Records
import ScenarioEngine
import Training

extension TraineeHistory {
    /// Their last attempt that passed the training (practice and group attendance left out):
    /// the attempt whose mistakes a refresher targets.
    public var lastPassedAttempt: CompletionRecord? {
        records.last { $0.purpose == nil && $0.outcome.completesTraining }
    }

    /// The refreshers they took after their last passed attempt, oldest first.
    public var refreshersSinceLastPass: [CompletionRecord] {
        guard let passed = lastPassedAttempt else { return [] }
        return records.filter { $0.purpose == .refresher && $0.completedAt > passed.completedAt }
    }

    /// What their last passed attempt found they got wrong, read against `content`; nil without
    /// a passed attempt, or when its county protocol is no longer in the content.
    public func weakAreas(in content: TrainingContent) -> WeakAreas? {
        guard let passed = lastPassedAttempt,
            let jurisdiction = content.library.jurisdiction(passed.training.jurisdiction)
        else { return nil }
        return WeakAreas(found: passed, catalog: OptionCatalog(jurisdiction: jurisdiction, mistakes: content.mistakes))
    }

    /// How their refresher under `jurisdiction` draws: the vignettes on their weak areas that
    /// they have not met first (``WeakAreas/refresherDraw(seen:bank:under:engine:mistakes:)``);
    /// with nothing weak, the vignettes not met first, as a retake draws.
    public func refresherDraw(under jurisdiction: JurisdictionProtocol, content: TrainingContent) -> VignetteDraw {
        guard let weak = weakAreas(in: content) else { return retakeDraw }
        return weak.refresherDraw(
            seen: seenVignettes, bank: content.vignettes, under: jurisdiction, engine: content.library.engine,
            mistakes: content.mistakes)
    }
}
