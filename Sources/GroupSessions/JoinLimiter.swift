/// Join attempts with a wrong code, per device address: after ``limit`` of them within
/// ``window``, joins from that address are refused, even with the right code, until the oldest
/// attempt leaves the window. A person who mistypes the code a few times is never held up, nor
/// a room of people behind one router who each mistype it once or twice; a program guessing
/// codes gets a hundred guesses a minute out of about a billion codes.
///
/// Pure: the time of each attempt is given, as the time since any fixed start.
public struct JoinLimiter: Sendable {
    public let limit: Int
    public let window: Duration
    /// Times of wrong codes per address, oldest first, within the window.
    private var wrongCodes: [String: [Duration]] = [:]
    /// How many addresses may be kept before those with nothing left in the window are dropped.
    private var pruneAbove = 4_096

    /// How many addresses are remembered now.
    var rememberedAddresses: Int { wrongCodes.count }

    public init(limit: Int = 100, window: Duration = .seconds(60)) {
        self.limit = limit
        self.window = window
    }

    /// Whether a join from `address` may be tried at `now`.
    public func allows(_ address: String, at now: Duration) -> Bool {
        (wrongCodes[address] ?? []).count { now - $0 < window } < limit
    }

    public mutating func recordWrongCode(from address: String, at now: Duration) {
        var times = wrongCodes[address, default: []]
        times.removeAll { now - $0 >= window }
        times.append(now)
        wrongCodes[address] = times
        // Many addresses (a scan): forget those with nothing left in the window, and let the
        // dictionary grow to twice what is left before looking again.
        if wrongCodes.count > pruneAbove {
            wrongCodes = wrongCodes.filter { _, times in times.contains { now - $0 < window } }
            pruneAbove = max(4_096, 2 * wrongCodes.count)
        }
    }
}
