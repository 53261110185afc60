import Foundation
import LocalStore

/// Where self-paced attempts in progress are kept between answers, one per trainee, each taken
/// by one process at a time: the seam the application layer saves progress through. The
/// embedded default is ``LocalStore/ProgressStore`` (a JSON file per trainee, `flock`).
public protocol AttemptStore: Sendable {
    /// Where attempts are kept, in words for messages.
    var location: String { get }
    /// Where `trainee`'s attempt is kept, in words for messages.
    func location(of trainee: String) -> String
    /// Takes `trainee`'s attempt for this process until the hold is released; refused
    /// (``LocalStore/StoreError/inUse(path:trainee:)``) while another holds it.
    func hold(_ trainee: String) throws(StoreError) -> any AttemptHold
    func load(for trainee: String) throws(StoreError) -> SessionProgress?
    func save(_ progress: SessionProgress) throws(StoreError)
    func clear(for trainee: String) throws(StoreError)
    /// Every attempt in progress.
    func savedSessions() throws(StoreError) -> [SessionProgress]
}

/// A trainee's attempt taken by this process: released when the last reference to it goes.
public protocol AttemptHold: AnyObject, Sendable {}

extension ProgressLock: AttemptHold {}

extension ProgressStore: AttemptStore {
    public var location: String { directory.path }

    public func location(of trainee: String) -> String { file(for: trainee).path }

    public func hold(_ trainee: String) throws(StoreError) -> any AttemptHold { try lock(for: trainee) }
}
