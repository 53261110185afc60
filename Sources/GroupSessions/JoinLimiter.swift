/// Paces join attempts from a device address that has sent many wrong codes, without ever
/// refusing one: a whole school behind one router shares an address, and one person's typos
/// must not lock the others out.
///
/// The first ``freeWrongCodes`` wrong codes from an address cost nothing. After that the
/// address backs off: at most ``checksPerTurn`` of its codes are checked within one delay, the
/// others wait their turn. The delay is ``firstDelay`` after the first wrong code past the free
/// ones and doubles with each further wrong code, up to ``longestDelay``. An attempt is never
/// refused: it waits for its turn (the right code too, since it cannot be told apart before it is
/// checked). An address with no wrong code for ``forgetAfter`` starts afresh.
///
/// With the defaults an address that keeps guessing gets 16 checks every 4 seconds (4 a second)
/// out of about 890 million codes (31⁶): under 1 in 30,000 to find a session's code in two hours.
///
/// Pure: the time of each attempt is given, as the time since any fixed start.
public struct JoinLimiter: Sendable {
    public let freeWrongCodes: Int
    public let firstDelay: Duration
    public let longestDelay: Duration
    public let checksPerTurn: Int
    public let forgetAfter: Duration

    private struct Pace {
        var wrongCodes = 0
        var lastWrongCode: Duration
        /// The times of the last ``checksPerTurn`` checks, oldest first (some may be to come).
        var checks: [Duration] = []
    }

    private var paces: [String: Pace] = [:]
    /// How many addresses may be kept before those forgiven are dropped.
    private var pruneAbove = 4_096

    /// How many addresses are remembered now.
    var rememberedAddresses: Int { paces.count }

    public init(
        freeWrongCodes: Int = 20, firstDelay: Duration = .milliseconds(250), longestDelay: Duration = .seconds(4),
        checksPerTurn: Int = 16, forgetAfter: Duration = .seconds(600)
    ) {
        self.freeWrongCodes = freeWrongCodes
        self.firstDelay = firstDelay
        self.longestDelay = longestDelay
        self.checksPerTurn = checksPerTurn
        self.forgetAfter = forgetAfter
    }

    /// The delay between turns for an address that has sent `wrongCodes` (zero: no back-off).
    public func delay(afterWrongCodes wrongCodes: Int) -> Duration {
        let past = wrongCodes - freeWrongCodes
        guard past > 0 else { return .zero }
        var delay = firstDelay
        for _ in 1..<min(past, 64) where delay < longestDelay { delay *= 2 }
        return min(delay, longestDelay)
    }

    /// Takes a check for a join from `address` arriving at `now`, and says when the code may be
    /// checked (`now` or later; the caller waits until then): never more than ``checksPerTurn``
    /// checks within one delay.
    public mutating func takeCheck(from address: String, at now: Duration) -> Duration {
        guard var pace = paces[address], now - pace.lastWrongCode < forgetAfter else { return now }
        let delay = delay(afterWrongCodes: pace.wrongCodes)
        guard delay > .zero else { return now }
        var at = max(now, pace.checks.last ?? now)
        if pace.checks.count >= checksPerTurn { at = max(at, pace.checks[pace.checks.count - checksPerTurn] + delay) }
        pace.checks.append(at)
        if pace.checks.count > checksPerTurn { pace.checks.removeFirst(pace.checks.count - checksPerTurn) }
        paces[address] = pace
        return at
    }

    public mutating func recordWrongCode(from address: String, at now: Duration) {
        var pace = paces[address] ?? Pace(lastWrongCode: now)
        if now - pace.lastWrongCode >= forgetAfter { pace = Pace(lastWrongCode: now) }
        pace.wrongCodes += 1
        pace.lastWrongCode = now
        paces[address] = pace
        // Many addresses (a scan): forget those forgiven, and let the dictionary grow to twice
        // what is left before looking again.
        if paces.count > pruneAbove {
            paces = paces.filter { _, pace in now - pace.lastWrongCode < forgetAfter }
            pruneAbove = max(4_096, 2 * paces.count)
        }
    }
}
