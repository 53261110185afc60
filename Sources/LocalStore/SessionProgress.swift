import Foundation
import ProtocolEngine
import Records
import ScenarioEngine
import Training

/// A session in progress, saved as JSON after every answer so that nothing is lost on Ctrl-C,
/// end of input or a crash. The questions are not saved: the same content and seed rebuild
/// them (with the vignettes drawn, when the attempt chose them: ``drawn``), and the answers are
/// replayed.
public struct SessionProgress: Sendable, Codable, Equatable {
    public static let currentFormat = 1

    public var format: Int
    public var trainee: String
    public var jurisdiction: JurisdictionID
    public var count: Int
    public var seed: UInt64
    public var startedAt: Date
    public var answers: [SavedAnswer]
    /// The trainee's details for the completion record (school, employee id…); its name is
    /// `trainee`. Absent in files saved before records existed.
    public var person: Trainee?
    /// The id the completion record will have: chosen at the start, so that finishing a
    /// session twice (a crash after the record was written) never makes two records.
    public var recordID: UUID?
    /// Seconds spent answering so far, over every run of the session.
    public var activeSeconds: Int?
    /// The vignettes the attempt drew, in order, when it chose them (a retake drawing unseen
    /// vignettes first, a pre-test, a refresher): they rebuild its plan, as `count` and `seed` do
    /// otherwise. Absent when the seeded order was kept.
    public var drawn: [VignetteID]?
    /// Why the attempt is taken, when it is practice (a pre-test or a refresher); absent for the
    /// training itself.
    public var purpose: AttemptPurpose?

    public init(
        trainee: String, jurisdiction: JurisdictionID, count: Int, seed: UInt64, startedAt: Date, answers: [SavedAnswer] = [],
        person: Trainee? = nil, recordID: UUID? = UUID()
    ) {
        format = Self.currentFormat
        self.trainee = trainee
        self.jurisdiction = jurisdiction
        self.count = count
        self.seed = seed
        self.startedAt = startedAt
        self.answers = answers
        self.person = person
        self.recordID = recordID
        activeSeconds = 0
    }
}
