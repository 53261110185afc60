/// Waiting for something to become true, by asking again every `interval` until `timeout`.
public enum Waiting {
    /// Returns once `condition` is true; throws ``TimedOut`` naming `what` after `timeout`.
    public static func until(
        _ what: String, timeout: Duration = .seconds(10), every interval: Duration = .milliseconds(100),
        _ condition: () async throws -> Bool
    ) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while true {
            if try await condition() { return }
            guard clock.now < deadline else { throw TimedOut(what: what, after: timeout) }
            try await clock.sleep(for: interval)
        }
    }

    public struct TimedOut: Error, CustomStringConvertible {
        public let what: String
        public let after: Duration
        /// What the waiter saw last, when it can say (e.g. the page's text).
        public var detail: String?

        public init(what: String, after: Duration, detail: String? = nil) {
            self.what = what
            self.after = after
            self.detail = detail
        }

        public var description: String {
            "timed out after \(after) waiting for \(what)" + (detail.map { "\n\($0)" } ?? "")
        }
    }
}
