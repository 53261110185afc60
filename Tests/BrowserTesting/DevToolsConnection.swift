import Foundation
import HummingbirdWSClient
import Logging
import Synchronization

/// One WebSocket to Chromium's DevTools endpoint. Commands are JSON messages with an `id`; each
/// reply carries the same `id` and resumes the command that waits for it. Commands for a page
/// carry its `sessionId` (targets attached with `flatten: true`). Errors a page reports
/// (exceptions, error log entries) are kept per session.
public final class DevToolsConnection: Sendable {
    private struct State {
        var nextID = 0
        var waiting: [Int: (method: String, reply: CheckedContinuation<JSON, any Error>)] = [:]
        var pageErrors: [String: [String]] = [:]
        var ended: (any Error)?
    }

    private let state = Mutex(State())
    private let outgoing: AsyncStream<String>.Continuation
    private let connection: Mutex<Task<Void, Never>?> = Mutex(nil)

    /// Connects to `url` (`ws://127.0.0.1:PORT/devtools/browser/…`). Commands sent before the
    /// connection is open wait for it; if it fails, they fail with its error.
    public init(url: String) {
        let (messages, outgoing) = AsyncStream<String>.makeStream()
        self.outgoing = outgoing
        // The task holds the connection until the WebSocket ends (Chromium quits, or `close()`).
        let task = Task {
            var logger = Logger(label: "csec-trainer.devtools")
            logger.logLevel = .error
            do {
                // Screenshots arrive as one base64 text frame of up to a few MiB.
                let configuration = WebSocketClientConfiguration(maxFrameSize: 1 << 26)
                try await WebSocketClient.connect(url: url, configuration: configuration, logger: logger) {
                    inbound, outbound, _ in
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        group.addTask {
                            for await text in messages { try await outbound.write(.text(text)) }
                        }
                        group.addTask {
                            for try await message in inbound.messages(maxSize: 1 << 26) {
                                guard case .text(let text) = message else { continue }
                                self.received(text)
                            }
                        }
                        _ = try await group.next()
                        group.cancelAll()
                    }
                }
                self.end(with: DevToolsError.connectionClosed)
            } catch {
                self.end(with: error)
            }
        }
        connection.withLock { $0 = task }
    }

    /// Sends `method` with `params` (to the page `sessionID`, or the browser) and returns the
    /// reply's `result`. Throws the protocol's error, or ``DevToolsError/noReply(_:after:)``
    /// after `timeout` (by default 40 s: on a 2-core machine running the whole suite, a dozen
    /// browsers start at once, and a starved one answered a new context only after 15 s).
    @discardableResult
    public func send(
        _ method: String, _ params: [String: JSON] = [:], sessionID: String? = nil, timeout: Duration = .seconds(40)
    ) async throws -> JSON {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        var message: [String: JSON] = ["id": .number(Double(id)), "method": .string(method), "params": .object(params)]
        if let sessionID { message["sessionId"] = .string(sessionID) }
        let text = JSON.object(message).text
        return try await withThrowingTaskGroup(of: JSON.self) { group in
            group.addTask { try await self.reply(to: id, method: method, sending: text) }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw DevToolsError.noReply(method, after: timeout)
            }
            defer { group.cancelAll() }
            return try await group.next() ?? .null
        }
    }

    /// What went wrong in the page `sessionID` so far: uncaught exceptions and error log entries
    /// (once its `Runtime` and `Log` domains are enabled).
    public func pageErrors(in sessionID: String) -> [String] {
        state.withLock { $0.pageErrors[sessionID] ?? [] }
    }

    /// Closes the WebSocket and fails the commands still waiting.
    public func close() async {
        outgoing.finish()
        let task = connection.withLock { $0 }
        task?.cancel()
        await task?.value
    }

    private func reply(to id: Int, method: String, sending text: String) async throws -> JSON {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { reply in
                let ended: (any Error)? = state.withLock { state in
                    if let ended = state.ended { return ended }
                    if Task.isCancelled { return CancellationError() }
                    state.waiting[id] = (method, reply)
                    return nil
                }
                if let ended { reply.resume(throwing: ended) } else { outgoing.yield(text) }
            }
        } onCancel: {
            state.withLock { $0.waiting.removeValue(forKey: id) }?.reply.resume(throwing: CancellationError())
        }
    }

    private func received(_ text: String) {
        guard let message = try? JSON(parsing: text) else { return }
        if let id = message["id"].number.flatMap({ Int(exactly: $0) }) {
            guard let waiting = state.withLock({ $0.waiting.removeValue(forKey: id) }) else { return }
            if case .object = message["error"] {
                waiting.reply.resume(
                    throwing: DevToolsError.failed(waiting.method, message: message["error"]["message"].string ?? "?"))
            } else {
                waiting.reply.resume(returning: message["result"])
            }
        } else if let sessionID = message["sessionId"].string, let error = Self.pageError(in: message) {
            state.withLock { $0.pageErrors[sessionID, default: []].append(error) }
        }
    }

    private static func pageError(in event: JSON) -> String? {
        let params = event["params"]
        switch event["method"].string {
        case "Runtime.exceptionThrown":
            let details = params["exceptionDetails"]
            return details["exception"]["description"].string ?? details["text"].string ?? "an exception"
        case "Log.entryAdded" where params["entry"]["level"].string == "error":
            return [params["entry"]["text"].string, params["entry"]["url"].string].compactMap { $0 }.joined(separator: " ")
        default:
            return nil
        }
    }

    private func end(with error: any Error) {
        let waiting = state.withLock { state in
            state.ended = state.ended ?? error
            defer { state.waiting = [:] }
            return state.waiting.values
        }
        for command in waiting { command.reply.resume(throwing: error) }
    }
}

public enum DevToolsError: Error, CustomStringConvertible {
    case connectionClosed
    case noReply(String, after: Duration)
    case failed(String, message: String)
    case javaScript(String, expression: String)

    public var description: String {
        switch self {
        case .connectionClosed: "the DevTools connection to Chromium closed"
        case .noReply(let method, let timeout): "Chromium did not answer \(method) within \(timeout)"
        case .failed(let method, let message): "Chromium refused \(method): \(message)"
        case .javaScript(let error, let expression): "JavaScript error \(error) in: \(expression)"
        }
    }
}
