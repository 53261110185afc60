import Foundation

/// Runs `body` on a thread started for it and awaits its result: how an async test waits on
/// something that blocks (a pipe, a process). Swift's cooperative threads are as many as the
/// cores (two in CI); a test blocking one of them holds up every in-process server, browser
/// driver and poll of the suite.
public func onOwnThread<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
    }
}
