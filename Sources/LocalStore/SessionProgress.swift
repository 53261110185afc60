import Foundation
import ProtocolEngine
import Training

/// A session in progress, saved as JSON after every answer so that nothing is lost on Ctrl-C,
/// end of input or a crash. The questions are not saved: the same content and seed rebuild
/// them, and the answers are replayed.
public struct SessionProgress: Sendable, Codable, Equatable {
    public static let currentFormat = 1

    public var format: Int
    public var trainee: String
    public var jurisdiction: JurisdictionID
    public var count: Int
    public var seed: UInt64
    public var startedAt: Date
    public var answers: [SavedAnswer]

    public init(
        trainee: String, jurisdiction: JurisdictionID, count: Int, seed: UInt64, startedAt: Date, answers: [SavedAnswer] = []
    ) {
        format = Self.currentFormat
        self.trainee = trainee
        self.jurisdiction = jurisdiction
        self.count = count
        self.seed = seed
        self.startedAt = startedAt
        self.answers = answers
    }
}
