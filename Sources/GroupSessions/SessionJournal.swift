/// Where a live session keeps its events as they happen, so that a crash loses nothing
/// acknowledged: the session server appends each event before applying it, and acknowledges it
/// (an answer received, a question opened) only once the journal says it is saved. Appending
/// keeps the order; saving may take several appended events at once (one flush to the disk for
/// the many answers that arrive together).
public protocol SessionJournal: Sendable {
    /// Appends `event` after those before it; returns its place, for ``save(through:)``.
    func append(_ event: SessionEvent) throws -> Int
    /// Returns once every event up to `place` is saved for good (on the disk).
    func save(through place: Int) async throws
}
