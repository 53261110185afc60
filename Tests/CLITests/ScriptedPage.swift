import Foundation
import Logging
import WSClient

/// A participant's page over a real WebSocket, driven one message at a time: what the test
/// sends goes out in order, and what the server sends is read as it comes. When the host dies the
/// messages end.
final class ScriptedPage {
    private let outgoing: AsyncStream<String>.Continuation
    private var incoming: AsyncStream<String>.Iterator
    private let connection: Task<Void, Never>

    init(port: Int) {
        let (toServer, outgoing) = AsyncStream<String>.makeStream()
        let (fromServer, incoming) = AsyncStream<String>.makeStream()
        connection = Task {
            var logger = Logger(label: "scripted-page")
            logger.logLevel = .critical
            _ = try? await WebSocketClient.connect(url: "ws://127.0.0.1:\(port)/ws", logger: logger) { inbound, outbound, _ in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for await text in toServer { try await outbound.write(.text(text)) }
                    }
                    group.addTask {
                        for try await frame in inbound.messages(maxSize: 1 << 20) {
                            if case .text(let text) = frame { incoming.yield(text) }
                        }
                    }
                    try await group.next()
                    group.cancelAll()
                }
            }
            incoming.finish()
        }
        self.outgoing = outgoing
        self.incoming = fromServer.makeAsyncIterator()
    }

    func send(_ text: String) { outgoing.yield(text) }

    /// The next message whose type is one of `types` (others are passed over); nil when the
    /// connection ended first.
    func next(_ types: Set<String>) async -> [String: Any]? {
        while let text = await incoming.next() {
            let message = Self.decode(text)
            if let type = message["type"] as? String, types.contains(type) { return message }
        }
        return nil
    }

    /// Every message up to the reply to a message the server does not understand, which it sends
    /// after everything before it: all a `resume` or `join` brought. Nil when the connection ended.
    func everythingSoFar() async -> [[String: Any]]? {
        send("not a message")
        var messages: [[String: Any]] = []
        while let text = await incoming.next() {
            let message = Self.decode(text)
            if message["reason"] as? String == "That message was not understood." { return messages }
            messages.append(message)
        }
        return nil
    }

    func close() {
        outgoing.finish()
        connection.cancel()
    }

    static func decode(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }
}
