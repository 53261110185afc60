import ProtocolEngine
import Records
import ScenarioEngine
import Storage
import Training

/// A person's earlier attempts, from the records that verify: what a new attempt of theirs
/// should draw (the vignettes they have not met first), and what they got wrong. The same person
/// is found as the compliance report finds them (``Records/PersonKey``: employee id, else email,
/// else name).
public struct TraineeHistory: Sendable, Equatable {
    /// Their records, oldest first: attempts, practice, and attendance at group sessions (whose
    /// answers are the room's, not theirs).
    public var records: [CompletionRecord]

    public init(records: [CompletionRecord]) {
        self.records = records.sorted { $0.completedAt < $1.completedAt }
    }

    /// `person`'s attempts stored in `repository`; records that do not verify are left out.
    public static func of(_ person: Trainee, in repository: any RecordRepository) async throws(StorageError)
        -> TraineeHistory
    {
        TraineeHistory(records: try await repository.records(of: person).map(\.record))
    }

    /// Every vignette met, alone or in a room, in any county.
    public var seenVignettes: Set<VignetteID> {
        Set(records.flatMap { $0.questions.map { VignetteID(rawValue: $0.vignette) } })
    }

    /// How a new attempt draws: the vignettes not met yet first.
    public var retakeDraw: VignetteDraw { VignetteDraw(seen: seenVignettes) }
}

extension SelfPacedTraining {
    /// How `person`'s new attempt draws its vignettes: those they have not met in their earlier
    /// attempts first (``TraineeHistory/retakeDraw``).
    public func retakeDraw(for person: Trainee) async throws(AttemptError) -> VignetteDraw {
        do {
            return try await TraineeHistory.of(person, in: records).retakeDraw
        } catch {
            throw .record(error)
        }
    }
}
