import Foundation

/// The first line of a session journal: its format, the session, when it started (the records'
/// start time) and where it listened (where the pages reconnect when it resumes).
public struct SessionJournalHeader: Sendable, Codable, Equatable {
    public static let currentFormat = 1

    public var format: Int
    public var session: String
    public var startedAt: Date
    /// The address and port the server listened on (`host:port`), when known.
    public var address: String?

    public init(session: String, startedAt: Date, address: String?) {
        format = Self.currentFormat
        self.session = session
        self.startedAt = startedAt
        self.address = address
    }
}

/// The last line of a journal whose session ended and whose records were all written.
struct SessionJournalEnd: Codable, Equatable {
    var finished: Date
}
