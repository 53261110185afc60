import Foundation

/// How many password sign-ins are let through to the (slow, on purpose) password check: at
/// most ``Rules/attemptsPerClient`` per client address and ``Rules/attemptsPerName`` per
/// administrator name in any ``Rules/window``. Pure: time is passed in.
///
/// An attempt is counted when it is let through, before the password is checked, so a
/// thousand requests at once from one client get no more checks than one at a time would.
/// Refused attempts are not counted, so a client that keeps guessing is refused without
/// locking the name for everyone else any longer; a successful sign-in clears the client's
/// and the name's count.
public struct SignInLimiter: Sendable {
    public struct Rules: Sendable, Equatable {
        public var attemptsPerClient: Int
        public var attemptsPerName: Int
        public var window: TimeInterval

        /// 10 per client and 30 per name in 15 minutes.
        public static let standard = Rules(attemptsPerClient: 10, attemptsPerName: 30, window: 15 * 60)

        public init(attemptsPerClient: Int, attemptsPerName: Int, window: TimeInterval) {
            self.attemptsPerClient = attemptsPerClient
            self.attemptsPerName = attemptsPerName
            self.window = window
        }
    }

    /// Whether an attempt may go to the password check.
    public enum Decision: Sendable, Equatable {
        case allowed
        case refused(retryAfterSeconds: Int)
    }

    public let rules: Rules
    /// The times of the attempts let through in the window, by client and by name.
    private var byClient: [String: [Date]] = [:]
    private var byName: [String: [Date]] = [:]
    /// How many keys may be kept before the expired ones are dropped (doubling when most are
    /// recent, so dropping stays rare whatever the traffic).
    private var pruneAbove = 10_000
    /// When expired keys were last dropped (they are, at least once a window).
    private var lastPrune: Date?

    public init(rules: Rules = .standard) {
        self.rules = rules
    }

    /// Lets the attempt of `client` as `name` through (and counts it), or refuses it with the
    /// seconds until the oldest counted attempt leaves the window.
    public mutating func admit(client: String, name: String, now: Date) -> Decision {
        if trackedKeys > pruneAbove || lastPrune.map({ now.timeIntervalSince($0) >= rules.window }) ?? true {
            prune(now: now)
            lastPrune = now
            pruneAbove = max(10_000, trackedKeys * 2)
        }
        let clientTimes = recent(byClient[client], now: now)
        let nameTimes = recent(byName[name], now: now)
        var wait: TimeInterval = 0
        if clientTimes.count >= rules.attemptsPerClient, let oldest = clientTimes.first {
            wait = max(wait, oldest.timeIntervalSince(now) + rules.window)
        }
        if nameTimes.count >= rules.attemptsPerName, let oldest = nameTimes.first {
            wait = max(wait, oldest.timeIntervalSince(now) + rules.window)
        }
        if wait > 0 {
            byClient[client] = clientTimes
            byName[name] = nameTimes
            return .refused(retryAfterSeconds: Int(wait.rounded(.up)))
        }
        byClient[client] = clientTimes + [now]
        byName[name] = nameTimes + [now]
        return .allowed
    }

    /// A successful sign-in: the client's and the name's attempts are forgotten.
    public mutating func succeeded(client: String, name: String) {
        byClient[client] = nil
        byName[name] = nil
    }

    /// How many clients and names are tracked (for tests of the memory bound).
    public var trackedKeys: Int { byClient.count + byName.count }

    private func recent(_ times: [Date]?, now: Date) -> [Date] {
        (times ?? []).filter { now.timeIntervalSince($0) < rules.window }
    }

    private mutating func prune(now: Date) {
        byClient = byClient.compactMapValues { times in
            let kept = recent(times, now: now)
            return kept.isEmpty ? nil : kept
        }
        byName = byName.compactMapValues { times in
            let kept = recent(times, now: now)
            return kept.isEmpty ? nil : kept
        }
    }
}
