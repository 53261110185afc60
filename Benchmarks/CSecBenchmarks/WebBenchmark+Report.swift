import Foundation

extension WebBenchmark.Figures {
    /// Prints the figures: answer to feedback against the 100 ms target, the server's own share
    /// of it, whether every answer was stored, the server's peak memory and the machine's load.
    func report(meanReading: Duration) {
        let answers = counts.answerTimes.sorted()
        let firstRound = counts.firstRoundTimes.sorted()
        print("")
        print(
            "District server (`serve` in its own process, \(store)): \(trainees) trainees over loopback HTTP, "
                + "each through the whole attempt")
        print(
            "  signed in \(counts.signedIn), finished \(counts.finished), failed \(counts.failed.count)"
                + "; the first answers all within one second, then each question read for 0–\(Timings.format(meanReading * 2))")
        for failure in counts.failed.prefix(3) { print("    \(failure)") }
        let p99 = Self.percentile(answers, 0.99)
        print(
            "  answer to feedback (POST, 303, GET): \(answers.count) answers, p50 \(Timings.format(Self.percentile(answers, 0.5))), "
                + "p90 \(Timings.format(Self.percentile(answers, 0.9))), p99 \(Timings.format(p99)), "
                + "max \(Timings.format(answers.last ?? .zero))")
        print("  target: p99 under 100 ms — \(p99 < .milliseconds(100) && !answers.isEmpty ? "meets" : "MISSES") it")
        print(
            "  the first round (\(firstRound.count) answers within one second): p50 \(Timings.format(Self.percentile(firstRound, 0.5))), "
                + "p99 \(Timings.format(Self.percentile(firstRound, 0.99))), max \(Timings.format(firstRound.last ?? .zero))")
        let (posts, gets) = (serverLog.answerMilliseconds.sorted(), serverLog.feedbackMilliseconds.sorted())
        print(
            "  inside the server (its request log, whole ms, waits for its busy threads included): "
                + "answer POST p50 \(Self.percentile(posts, 0.5)) ms, p99 \(Self.percentile(posts, 0.99)) ms; "
                + "feedback GET p50 \(Self.percentile(gets, 0.5)) ms, p99 \(Self.percentile(gets, 0.99)) ms")
        let statuses = serverLog.statuses.sorted { $0.key < $1.key }.map { "\($0.value)× \($0.key)" }
        print(
            "  \(answers.count) answers in \(Timings.format(elapsed)), "
                + String(format: "%.0f answers/s", Double(answers.count) / max(elapsed.seconds, 0.001))
                + "; the server answered \(statuses.joined(separator: ", "))")
        print(
            "  answers saved: \(answersSent) sent, \(answersStored) of them in the \(records) records stored — "
                + (answersStored == answersSent && records == counts.finished && counts.failed.isEmpty
                    ? "none lost" : "SOME LOST OR MISSING"))
        if let peakMemoryMiB { print(String(format: "  server peak memory (VmHWM): %.0f MiB", peakMemoryMiB)) }
        if let server = cpuSeconds.server, let trainees = cpuSeconds.trainees {
            print(
                String(
                    format: "  CPU time used: the server %.1f s, the simulated trainees (this process) %.1f s", server, trainees))
        }
        print("  stopped by SIGTERM: \(stoppedCleanly ? "cleanly" : "NOT CLEANLY")")
        print("  load average (1, 5, 15 min): \(loadAverage.start) as the first round started, \(loadAverage.end) at the end")
    }

    private static func percentile<Value: Comparable & AdditiveArithmetic>(_ sorted: [Value], _ share: Double) -> Value {
        sorted.isEmpty ? .zero : sorted[min(sorted.count - 1, Int(Double(sorted.count) * share))]
    }
}
