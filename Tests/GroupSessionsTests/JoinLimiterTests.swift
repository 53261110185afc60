import Testing

@testable import GroupSessions

/// Wrong join codes are limited per device address, within a sliding window.
struct JoinLimiterTests {
    @Test func aFewMistypesNeverHoldAnyoneUp() {
        var limiter = JoinLimiter(limit: 30, window: .seconds(60))
        for second in 0..<29 { limiter.recordWrongCode(from: "10.0.0.5", at: .seconds(second)) }
        #expect(limiter.allows("10.0.0.5", at: .seconds(29)))
    }

    @Test func aGuessingDeviceIsStoppedAndOthersAreNot() {
        var limiter = JoinLimiter(limit: 30, window: .seconds(60))
        for attempt in 0..<30 { limiter.recordWrongCode(from: "10.0.0.5", at: .milliseconds(attempt * 10)) }
        #expect(!limiter.allows("10.0.0.5", at: .seconds(1)))
        #expect(limiter.allows("10.0.0.6", at: .seconds(1)), "only the guessing address")
    }

    /// The window slides: the block lifts as the oldest wrong codes age out of it.
    @Test(arguments: [(59, false), (60, true), (90, true)])
    func theBlockLiftsAfterTheWindow(_ second: Int, _ allowed: Bool) {
        var limiter = JoinLimiter(limit: 30, window: .seconds(60))
        for _ in 0..<30 { limiter.recordWrongCode(from: "10.0.0.5", at: .zero) }
        #expect(limiter.allows("10.0.0.5", at: .seconds(second)) == allowed)
    }

    /// A scan from many addresses does not grow the limiter without bound, and forgets nothing
    /// that still counts.
    @Test func aScanIsForgottenOnceItsWindowHasPassed() {
        var limiter = JoinLimiter(limit: 2, window: .seconds(60))
        for host in 0..<5_000 { limiter.recordWrongCode(from: "10.1.\(host / 256).\(host % 256)", at: .zero) }
        #expect(limiter.rememberedAddresses > 4_096, "all still within the window")
        limiter.recordWrongCode(from: "10.9.9.9", at: .seconds(100))
        limiter.recordWrongCode(from: "10.9.9.9", at: .seconds(100))
        for host in 0..<4_100 { limiter.recordWrongCode(from: "10.2.\(host / 256).\(host % 256)", at: .seconds(101)) }
        #expect(limiter.rememberedAddresses <= 4_101, "the first scan is forgotten")
        #expect(!limiter.allows("10.9.9.9", at: .seconds(101)), "what still counts is kept")
    }
}
