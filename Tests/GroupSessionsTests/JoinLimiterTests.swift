import Testing

@testable import GroupSessions

/// Wrong join codes slow down an address with an exponential back-off; no attempt is refused.
struct JoinLimiterTests {
    /// The free wrong codes, then a delay that doubles from the first to the longest.
    static let delays = [(0, 0), (20, 0), (21, 250), (22, 500), (23, 1_000), (24, 2_000), (25, 4_000), (26, 4_000)]

    @Test(arguments: delays + [(1_000_000, 4_000)])
    func theDelayDoublesUpToTheLongest(_ wrongCodes: Int, _ milliseconds: Int) {
        #expect(JoinLimiter().delay(afterWrongCodes: wrongCodes) == .milliseconds(milliseconds))
    }

    @Test func aFewMistypesNeverHoldAnyoneUp() {
        var limiter = JoinLimiter()
        for second in 0..<20 { limiter.recordWrongCode(from: "10.0.0.5", at: .seconds(second)) }
        for _ in 0..<500 { #expect(limiter.takeCheck(from: "10.0.0.5", at: .seconds(20)) == .seconds(20)) }
    }

    /// Past the free wrong codes, at most 16 checks from the address within the delay: the right
    /// code waits for its turn and is then checked; other addresses are not slowed.
    @Test func aGuessingAddressIsPacedAndOthersAreNot() {
        var limiter = JoinLimiter()
        for attempt in 0..<40 { limiter.recordWrongCode(from: "10.0.0.5", at: .milliseconds(attempt)) }
        let now = Duration.seconds(10)
        let turns = (0..<48).map { _ in limiter.takeCheck(from: "10.0.0.5", at: now) }
        let expected = [now, now + .seconds(4), now + .seconds(8)].flatMap { Array(repeating: $0, count: 16) }
        #expect(turns == expected)
        #expect(limiter.takeCheck(from: "10.0.0.6", at: now) == now, "only the guessing address")
    }

    /// However the checks are spread, an address that keeps guessing gets at most 16 checks in
    /// any 4 seconds: over an hour, at most 4 a second.
    @Test(arguments: [1, 7, 100, 250, 4_000])
    func aGuesserGetsAtMostFourChecksASecond(_ millisecondsBetweenAttempts: Int) {
        var limiter = JoinLimiter()
        var now = Duration.zero
        var checked: [Duration] = []
        while now < .seconds(3_600) {
            let turn = limiter.takeCheck(from: "10.0.0.5", at: now)
            #expect(turn >= now)
            checked.append(turn)
            limiter.recordWrongCode(from: "10.0.0.5", at: turn)
            now = max(now + .milliseconds(millisecondsBetweenAttempts), turn)
        }
        let lastHour = checked.filter { $0 < .seconds(3_600) }
        #expect(lastHour.count <= 20 + 4 * 3_600 + 16)
        for (index, time) in checked.enumerated() where index >= 21 + 16 {
            #expect(time - checked[index - 16] >= .seconds(4), "at most 16 in any 4 seconds")
        }
    }

    /// Ten quiet minutes and the address starts afresh.
    @Test(arguments: [(599, false), (600, true)])
    func theBackOffIsForgotten(_ second: Int, _ forgotten: Bool) {
        var limiter = JoinLimiter()
        for _ in 0..<100 { limiter.recordWrongCode(from: "10.0.0.5", at: .zero) }
        let now = Duration.seconds(second)
        let turns = (0..<17).map { _ in limiter.takeCheck(from: "10.0.0.5", at: now) }
        #expect((turns.last == now) == forgotten)
    }

    /// A scan from many addresses does not grow the limiter without bound, and forgets nothing
    /// that still counts.
    @Test func aScanIsForgottenOnceForgiven() {
        var limiter = JoinLimiter()
        for host in 0..<5_000 { limiter.recordWrongCode(from: "10.1.\(host / 256).\(host % 256)", at: .zero) }
        #expect(limiter.rememberedAddresses > 4_096, "all still remembered")
        for _ in 0..<30 { limiter.recordWrongCode(from: "10.9.9.9", at: .seconds(1_000)) }
        for host in 0..<4_100 { limiter.recordWrongCode(from: "10.2.\(host / 256).\(host % 256)", at: .seconds(1_001)) }
        #expect(limiter.rememberedAddresses <= 4_101, "the first scan is forgotten")
        let turns = (0..<17).map { _ in limiter.takeCheck(from: "10.9.9.9", at: .seconds(1_001)) }
        #expect(turns.last! > .seconds(1_001), "what still counts is kept")
    }
}
