import Foundation
import Logging
import Synchronization
import WSClient

/// Runs `csec-trainer session host` as its own process and `participants` simulated participants
/// over loopback WebSockets: all join, the facilitator opens a question, the room answers within
/// one second (spread evenly), then the facilitator reveals. Times each answer's acknowledgement and the reveal's arrival at
/// every participant, and reads the server's peak resident memory.
struct SessionLoadBenchmark {
    let trainer: URL
    let participants: Int

    struct Figures {
        var acknowledgements: [Duration]
        var revealToAll: Duration
        var peakMemoryMiB: Double?
    }

    func run() async throws -> Figures {
        let data = FileManager.default.temporaryDirectory.appending(path: "csec-benchmark-session-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let port = Int.random(in: 30_000..<50_000)
        let (host, console, code) = try Self.startHost(trainer, port: port, data: data, capacity: participants)
        defer { if host.isRunning { host.terminate() } }

        let state = LoadState()
        let clock = ContinuousClock()
        let url = "ws://127.0.0.1:\(port)/ws"
        let clients = Task {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for number in 0..<participants {
                    if number % 100 == 99 { try await Task.sleep(for: .milliseconds(20)) }  // a room arriving, not a SYN flood
                    group.addTask {
                        // The server may still be starting: try again for a few seconds.
                        for attempt in 1...50 {
                            do {
                                return try await Self.participant(
                                    number, of: participants, url: url, code: code, state: state, clock: clock)
                            } catch  where attempt < 50 {
                                try await Task.sleep(for: .milliseconds(100))
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        try await Self.until(seconds: 120, "joining") { state.count(\.joined) == participants }
        try console.fileHandleForWriting.write(contentsOf: Data("next\n".utf8))
        try await Self.until(seconds: 60, "answering") { state.count(\.acknowledged) == participants }
        let revealSent = clock.now
        try console.fileHandleForWriting.write(contentsOf: Data("reveal\n".utf8))
        try await Self.until(seconds: 60, "the reveal") { state.count(\.revealed) == participants }
        let peak = peakMemoryMiB(of: host.processIdentifier)
        try console.fileHandleForWriting.write(contentsOf: Data("end\n".utf8))
        try console.fileHandleForWriting.close()
        _ = try? await clients.value
        host.waitUntilExit()
        let lastReveal = state.snapshot.revealTimes.max() ?? revealSent
        return Figures(acknowledgements: state.snapshot.latencies, revealToAll: lastReveal - revealSent, peakMemoryMiB: peak)
    }

    private static func participant(
        _ number: Int, of participants: Int, url: String, code: String, state: LoadState, clock: ContinuousClock
    ) async throws {
        var logger = Logger(label: "benchmark")
        logger.logLevel = .critical
        try await WebSocketClient.connect(url: url, logger: logger) { inbound, outbound, _ in
            try await outbound.write(.text(#"{"type":"join","code":"\#(code)","name":"Participant \#(number)"}"#))
            var token = ""
            var sentAt = clock.now
            for try await frame in inbound.messages(maxSize: 1 << 20) {
                guard case .text(let text) = frame,
                    let message = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
                else { continue }
                switch message["type"] as? String {
                case "joined":
                    token = message["token"] as? String ?? ""
                    state.update { $0.joined += 1 }
                case "question":
                    let options = ((message["question"] as? [String: Any])?["options"] as? [[String: Any]]) ?? []
                    let option = options[number % max(options.count, 1)]["id"] as? String ?? ""
                    // The room answers within one second, not all at the same instant.
                    try await Task.sleep(for: .milliseconds(number * 1000 / max(participants, 1)))
                    sentAt = clock.now
                    try await outbound.write(.text(#"{"type":"answer","token":"\#(token)","question":0,"option":"\#(option)"}"#))
                case "answered":
                    let latency = clock.now - sentAt
                    state.update {
                        $0.acknowledged += 1
                        $0.latencies.append(latency)
                    }
                case "reveal":
                    let now = clock.now
                    state.update {
                        $0.revealed += 1
                        $0.revealTimes.append(now)
                    }
                    return
                default:
                    break
                }
            }
        }
    }

    /// Starts `session host` (one vignette of Marin's protocol, for `capacity` people) on `port`,
    /// its console on a pipe; returns it once it has printed its join code. Standard error is
    /// dropped.
    static func startHost(
        _ trainer: URL, port: Int, data: URL, capacity: Int
    ) throws -> (host: Process, console: Pipe, code: String) {
        let host = Process()
        host.executableURL = trainer
        host.arguments = [
            "session", "host", "--jurisdiction", "marin", "--facilitator", "Benchmark", "--count", "1", "--port", "\(port)",
            "--data-dir", data.path, "--capacity", "\(capacity)",
        ]
        let (console, printed) = (Pipe(), Pipe())
        host.standardInput = console
        host.standardOutput = printed
        host.standardError = FileHandle.nullDevice
        try host.run()
        do {
            return (host, console, try joinCode(from: printed.fileHandleForReading))
        } catch {
            host.terminate()
            throw error
        }
    }

    private static func joinCode(from output: FileHandle) throws -> String {
        var seen = ""
        while true {
            let chunk = output.availableData
            guard !chunk.isEmpty else { throw ValidationFailure(message: "session host exited before printing its code") }
            seen += String(decoding: chunk, as: UTF8.self)
            if let match = seen.firstMatch(of: /with the code ([A-Z0-9]{6})\./) { return String(match.output.1) }
        }
    }

    private static func until(seconds: Int, _ stage: String, _ condition: () -> Bool) async throws {
        for _ in 0..<(seconds * 100) {
            if condition() { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw ValidationFailure(message: "the session benchmark timed out waiting for \(stage)")
    }
}

/// Counts and times shared by the simulated participants.
final class LoadState: Sendable {
    struct Counts: Sendable {
        var joined = 0
        var acknowledged = 0
        var revealed = 0
        var latencies: [Duration] = []
        var revealTimes: [ContinuousClock.Instant] = []
    }

    private let counts = Mutex(Counts())

    func update(_ body: (inout Counts) -> Void) { counts.withLock { body(&$0) } }
    func count(_ field: KeyPath<Counts, Int>) -> Int { counts.withLock { $0[keyPath: field] } }
    var snapshot: Counts { counts.withLock { $0 } }
}
