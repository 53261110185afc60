import Foundation

/// Timings of one benchmark, with what was measured.
struct Timings {
    var name: String
    var durations: [Duration]
    var notes: [String] = []

    var median: Duration { durations.sorted()[durations.count / 2] }
    var best: Duration { durations.min() ?? .zero }
    var worst: Duration { durations.max() ?? .zero }

    func report(target: Duration?) {
        print("")
        print("\(name)")
        print("  runs: \(durations.count); median \(format(median)), best \(format(best)), worst \(format(worst))")
        for note in notes { print("  \(note)") }
        if let target { print("  target: under \(format(target)) — median \(median < target ? "meets" : "MISSES") it") }
    }

    private func format(_ duration: Duration) -> String { Self.format(duration) }

    static func format(_ duration: Duration) -> String {
        let seconds = duration.seconds
        return seconds >= 1 ? String(format: "%.2f s", seconds) : String(format: "%.1f ms", seconds * 1000)
    }
}

/// A process's peak resident memory (VmHWM), in MiB (this process's by default), or nil where
/// /proc is missing.
func peakMemoryMiB(of process: Int32? = nil) -> Double? {
    guard let status = try? String(contentsOfFile: "/proc/\(process.map(String.init) ?? "self")/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
        let kilobytes = Double(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
    else { return nil }
    return kilobytes / 1024
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
