import Completion
import Foundation
import ScenarioEngine
import Testing

/// Active time counts each gap between answers, a long pause as ten minutes, a clock set back
/// as nothing.
struct ActiveTimeTests {
    @Test(arguments: [
        ([30.0, 45.0], 75),
        ([600.0], 600),
        ([601.0], 600),
        ([3_600.0, 20.0], 620),
        ([-50.0, 10.0], 10),
        ([0.4, 0.4, 0.4], 1),
    ])
    func countsEachGapCappedAtTenMinutes(gaps: [Double], expected: Int) {
        let start = Date(timeIntervalSince1970: 1_000)
        var time = ActiveTime(alreadySpent: 0, from: start)
        var now = start
        for gap in gaps {
            now += gap
            time.count(until: now)
        }
        #expect(time.seconds == expected)
    }

    /// For any gaps, the total is never more than ten minutes a gap, never less than the time
    /// already spent, and never goes down.
    @Test(arguments: 0..<50 as Range<UInt64>)
    func neverMoreThanTenMinutesAGap(seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        let start = Date(timeIntervalSince1970: 5_000)
        var time = ActiveTime(alreadySpent: 42, from: start)
        var now = start
        var previous = time.seconds
        let gaps = (0..<Int.random(in: 1...30, using: &generator)).map { _ in
            Double.random(in: -100...2_000, using: &generator)
        }
        for gap in gaps {
            now += gap
            time.count(until: now)
            #expect(time.seconds >= previous)
            previous = time.seconds
        }
        #expect(time.seconds <= 42 + 600 * gaps.count)
    }
}
