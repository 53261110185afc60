import HummingbirdBcrypt
import NIOPosix

/// Hashes and checks administrators' passwords.
public protocol PasswordHasher: Sendable {
    func hash(_ password: String) async -> String
    func verify(_ password: String, against hash: String) async -> Bool
}

/// bcrypt (hummingbird-auth's), run on NIO's blocking thread pool: a check takes a quarter of a
/// second at cost 12 by design, and must hold neither an event loop nor a thread of Swift's
/// cooperative pool while it runs (the server keeps serving pages meanwhile).
public struct BcryptPasswordHasher: PasswordHasher {
    /// log2 of the rounds: 12 by default; tests use the minimum, 4.
    public var cost: UInt8

    public init(cost: UInt8 = 12) {
        precondition((4...31).contains(cost), "bcrypt's cost is between 4 and 31")
        self.cost = cost
    }

    public func hash(_ password: String) async -> String {
        let cost = self.cost
        return (try? await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) })
            ?? Bcrypt.hash(password, cost: cost)
    }

    public func verify(_ password: String, against hash: String) async -> Bool {
        (try? await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }) ?? false
    }

}
