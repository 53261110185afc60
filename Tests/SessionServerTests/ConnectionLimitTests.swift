import Foundation
import GroupSessions
import Hummingbird
import HummingbirdTesting
import NIOPosix
import ScenarioEngine
import SessionServer
import TestSupport
import Testing

/// Idle and half-open connections are closed, and the cap on open connections closes the oldest
/// silent one rather than keep a new device out (``ConnectionLimits``, with short test values).
struct ConnectionLimitTests {
    let room: SessionRoom
    let code: String

    init() throws {
        let session = try SampleSessions.session(vignettes: 1, planSeed: 3, codeSeed: 5)
        code = session.joinCode.text
        room = SessionRoom(session: session, generator: SplitMix64(seed: 6))
    }

    func server(_ limits: ConnectionLimits) throws -> SessionServer {
        SessionServer(
            room: room, pages: try WebPages(directory: Fixtures.repositoryRoot.appending(path: "Web")), limits: limits)
    }

    /// How long a check waits for what it expects (it returns as soon as that happens): long, so
    /// that a test process busy with other suites (two cores) does not fail a check that holds.
    static let patience: Double = 60

    static let pageRequest = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"

    /// The cap: four connections a place, at least 4,096, and 256 below the limit on open files.
    @Test(
        arguments: [
            (capacity: 500, openFiles: nil, cap: 4_096),
            (2_000, nil, 8_000),
            (2_000, 20_000, 8_000),
            (5_000, 20_000, 19_744),
            (500, 1_024, 768),
        ] as [(capacity: Int, openFiles: Int?, cap: Int)])
    func theCapFollowsTheCapacityWithinTheOpenFileLimit(capacity: Int, openFiles: Int?, cap: Int) {
        #expect(ConnectionLimits(capacity: capacity, openFileLimit: openFiles).maxConnections == cap)
    }

    @Test func aSocketThatSendsNoCompleteRequestIsClosedAfterTheHeaderTimeout() async throws {
        let limits = ConnectionLimits(requestHeaderTimeout: .milliseconds(300))
        try await server(limits).application(host: "127.0.0.1", port: 0).test(.live) { client in
            let port = try #require(client.port)
            let silent = try RawConnection(port: port)
            let partial = try RawConnection(port: port)
            try partial.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")  // the blank line never comes
            let served = try RawConnection(port: port)
            try served.send(Self.pageRequest)
            let page = await served.receive(within: Self.patience) { String(decoding: $0, as: UTF8.self).contains("</html>") }
            #expect(String(decoding: page, as: UTF8.self).hasPrefix("HTTP/1.1 200"))
            #expect(await silent.closes(within: Self.patience), "a socket that sends nothing is closed")
            #expect(await partial.closes(within: Self.patience), "a request head that never ends is closed")
        }
    }

    @Test func aPageThatNeverAnswersPingsIsDisconnected() async throws {
        // A ping every three seconds: on a machine as busy as CI's full run (a hundred `train`
        // processes beside it), answering the join and a pong took longer than one second.
        // The second connection waits for the first's upgrade: under that load, longer than the
        // default 10 s for a request head, which is tested above, not here.
        let limits = ConnectionLimits(requestHeaderTimeout: .seconds(120), pingInterval: .seconds(3))
        let code = code
        try await server(limits).application(host: "127.0.0.1", port: 0).test(.live) { client in
            let port = try #require(client.port)
            let (silent, answering) = (try RawConnection(port: port), try RawConnection(port: port))
            for connection in [silent, answering] {
                #expect(try await connection.openWebSocket().hasPrefix("HTTP/1.1 101"))
            }
            try silent.sendFrame(opcode: 1, Array(#"{"type":"join","code":"\#(code)","name":"Ana Ruiz"}"#.utf8))
            // Its join is answered before anything else is awaited: on a loaded machine the ping
            // deadline could otherwise close it while its reply is still queued.
            let greeting = await silent.receive(within: Self.patience) {
                String(decoding: $0, as: UTF8.self).contains(#""type":"joined""#)
            }
            // The page that answers: every ping gets its pong, for longer than the deadline.
            var (pings, closed) = (0, false)
            var pending: [UInt8] = []
            let until = Date().addingTimeInterval(Self.patience)
            while Date() < until, !closed, pings < 3 {
                switch await answering.read(within: until.timeIntervalSinceNow) {
                case .closed: closed = true
                case .nothing: break
                case .bytes(let bytes):
                    let (frames, rest) = RawConnection.frames(in: pending + bytes)
                    pending = rest
                    closed = frames.contains { $0.opcode == 8 }
                    for frame in frames where frame.opcode == 9 {
                        pings += 1
                        try answering.sendFrame(opcode: 10, frame.payload)
                    }
                }
            }
            #expect(pings >= 3)
            #expect(!closed, "a page that answers pings stays connected")

            let heard = await silent.receive(within: Self.patience) { _ in false }  // until the server closes it
            let frames = RawConnection.frames(in: greeting + heard).frames
            #expect(frames.contains { String(decoding: $0.payload, as: UTF8.self).contains(#""type":"joined""#) })
            #expect(frames.contains { $0.opcode == 9 }, "it was pinged")
            #expect(frames.contains { $0.opcode == 8 }, "and closed for not answering")
            #expect(await silent.closes(within: Self.patience))
        }
    }

    @Test func atTheCapTheOldestSilentConnectionMakesRoomForANewDevice() async throws {
        let limits = ConnectionLimits(requestHeaderTimeout: .seconds(60), maxConnections: 6)
        // One event loop accepts the connections in the order they were opened.
        let oneLoop = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let application = try server(limits).application(host: "127.0.0.1", port: 0, eventLoops: .shared(oneLoop))
        try await application.test(.live) { client in
            let port = try #require(client.port)
            // A device that loaded the page and keeps its connection: it has sent a request.
            let keptAlive = try RawConnection(port: port)
            try keptAlive.send(Self.pageRequest)
            _ = await keptAlive.receive(within: Self.patience) { String(decoding: $0, as: UTF8.self).contains("</html>") }
            var silent: [RawConnection] = []
            for _ in 0..<5 {
                silent.append(try RawConnection(port: port))
                try await Task.sleep(for: .milliseconds(50))  // accepted in this order
            }
            let newDevice = try RawConnection(port: port)
            try newDevice.send(Self.pageRequest)
            let page = await newDevice.receive(within: Self.patience) { String(decoding: $0, as: UTF8.self).contains("</html>") }
            #expect(String(decoding: page, as: UTF8.self).hasPrefix("HTTP/1.1 200"), "the new device is served")
            #expect(await silent[0].closes(within: Self.patience), "the oldest silent connection is closed")
            for connection in silent.dropFirst() {
                #expect(await connection.read(within: 0.1) == .nothing, "the newer ones stay")
            }
            #expect(await keptAlive.read(within: 0.1) == .nothing, "a connection that sent a request stays")
        }
        try await oneLoop.shutdownGracefully()
    }
}
