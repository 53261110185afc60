import Foundation
import Logging
import Synchronization
import WSClient

/// Runs `csec-trainer session host` as its own process, opens `idle` connections to it that never
/// send a request (from child processes of this benchmark, each under the limit on open files),
/// and while they are held open times new devices, one after another, loading the page (GET /)
/// and joining over the WebSocket until `joined` arrives.
struct IdleConnectionsBenchmark {
    let trainer: URL
    let benchmarks: URL
    let idle: Int
    let capacity: Int
    /// The most connections one child process opens.
    static let perHolder = 10_000

    struct Figures {
        var joins: [Duration]
        var opened: Int
        /// From starting the holders to the last of them holding its connections.
        var openingTime: Duration
        var closedByServer: Int
    }

    func run(devices: Int) async throws -> Figures {
        let data = FileManager.default.temporaryDirectory.appending(path: "csec-benchmark-idle-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let port = Int.random(in: 30_000..<32_000)
        let (host, console, code) = try SessionLoadBenchmark.startHost(trainer, port: port, data: data, capacity: capacity)
        defer { if host.isRunning { host.terminate() } }
        // The page answers once the server listens.
        for attempt in 1...100 {
            let socket = LoopbackSocket(port: port)
            defer { socket?.close() }
            if socket?.get("/") != nil { break }
            if attempt == 100 { throw ValidationFailure(message: "the session host did not serve its page") }
            try await Task.sleep(for: .milliseconds(50))
        }

        let opening = ContinuousClock.now
        var holders: [(process: Process, input: Pipe, output: FileHandle)] = []
        defer { for holder in holders where holder.process.isRunning { holder.process.terminate() } }
        var remaining = idle
        while remaining > 0 {
            let count = min(remaining, Self.perHolder)
            remaining -= count
            let holder = Process()
            holder.executableURL = benchmarks
            holder.arguments = ["--hold-idle-connections", "\(count)", "--to-port", "\(port)"]
            let (input, output) = (Pipe(), Pipe())
            holder.standardInput = input
            holder.standardOutput = output
            try holder.run()
            holders.append((holder, input, output.fileHandleForReading))
        }
        var opened = 0
        for holder in holders { opened += try Self.number(after: "open", from: holder.output) }
        let openingTime = ContinuousClock.now - opening

        var joins: [Duration] = []
        for device in 0..<devices {
            joins.append(try await Self.loadAndJoin(port: port, code: code, name: "New device \(device)"))
        }

        var closed = 0
        for holder in holders {
            try holder.input.fileHandleForWriting.close()
            closed += try Self.number(after: "closed", from: holder.output)
            holder.process.waitUntilExit()
        }
        try console.fileHandleForWriting.write(contentsOf: Data("end\n".utf8))
        try console.fileHandleForWriting.close()
        host.waitUntilExit()
        return Figures(joins: joins, opened: opened, openingTime: openingTime, closedByServer: closed)
    }

    /// One new device: the page, then the socket, until the room says it joined.
    private static func loadAndJoin(port: Int, code: String, name: String) async throws -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        guard let socket = LoopbackSocket(port: port) else { throw ValidationFailure(message: "a new device could not connect") }
        defer { socket.close() }
        guard let page = socket.get("/"), page.hasPrefix("HTTP/1.1 200"), page.contains("</html>") else {
            throw ValidationFailure(message: "a new device did not get the page")
        }
        var logger = Logger(label: "benchmark")
        logger.logLevel = .critical
        let joined = Mutex(false)
        try await WebSocketClient.connect(url: "ws://127.0.0.1:\(port)/ws", logger: logger) { inbound, outbound, _ in
            try await outbound.write(.text(#"{"type":"join","code":"\#(code)","name":"\#(name)"}"#))
            for try await frame in inbound.messages(maxSize: 1 << 20) {
                if case .text(let text) = frame, text.contains(#""type":"joined""#) {
                    joined.withLock { $0 = true }
                    return
                }
            }
        }
        guard joined.withLock({ $0 }) else { throw ValidationFailure(message: "a new device did not join") }
        return clock.now - start
    }

    /// The number on the child's line "`word` N".
    private static func number(after word: String, from output: FileHandle) throws -> Int {
        var seen = ""
        while true {
            if let match = seen.firstMatch(of: try Regex("\(word) ([0-9]+)\n")), let number = Int(match.output[1].substring ?? "")
            {
                return number
            }
            let chunk = output.availableData
            guard !chunk.isEmpty else { throw ValidationFailure(message: "an idle-connection holder exited early") }
            seen += String(decoding: chunk, as: UTF8.self)
        }
    }

    /// The child process's part: open `count` connections to `port` that never send a request,
    /// say how many opened ("open N"), hold them until standard input ends, then say how many
    /// the server had closed by then ("closed N").
    static func hold(count: Int, port: Int) {
        LoopbackSocket.raiseOpenFileLimit()
        var sockets: [LoopbackSocket] = []
        for _ in 0..<count {
            guard let socket = LoopbackSocket(port: port) else { break }
            sockets.append(socket)
        }
        FileHandle.standardOutput.write(Data("open \(sockets.count)\n".utf8))
        while readLine() != nil {}
        FileHandle.standardOutput.write(Data("closed \(LoopbackSocket.closedCount(sockets))\n".utf8))
    }
}
