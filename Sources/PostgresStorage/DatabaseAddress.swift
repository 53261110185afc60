import Foundation
import Storage

/// Where a PostgreSQL database is: `postgres://user:password@host:port/database`, with
/// `?sslmode=disable` or `require` (default: TLS when the server offers it), as libpq reads it.
public struct DatabaseAddress: Sendable, Equatable, CustomStringConvertible {
    public enum TLSMode: String, Sendable {
        case disable, prefer, require
    }

    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    public var tls: TLSMode

    /// Reads `text`; throws ``StorageError/invalidDatabaseAddress(reason:)`` saying what is wrong.
    public init(_ text: String) throws(StorageError) {
        guard let components = URLComponents(string: text), let scheme = components.scheme,
            ["postgres", "postgresql"].contains(scheme.lowercased())
        else {
            throw .invalidDatabaseAddress(reason: "it should start with postgres://")
        }
        guard let host = components.host, !host.isEmpty else {
            throw .invalidDatabaseAddress(reason: "it names no host")
        }
        guard let username = components.user, !username.isEmpty else {
            throw .invalidDatabaseAddress(reason: "it names no user (postgres://user@\(host)/…)")
        }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty else {
            throw .invalidDatabaseAddress(reason: "it names no database (…@\(host)/database)")
        }
        let mode = components.queryItems?.first { $0.name == "sslmode" }?.value ?? TLSMode.prefer.rawValue
        guard let tls = TLSMode(rawValue: mode) else {
            throw .invalidDatabaseAddress(reason: "sslmode '\(mode)' should be disable, prefer or require")
        }
        self.host = host
        port = components.port ?? 5432
        self.username = username.removingPercentEncoding ?? username
        password = components.password.map { $0.removingPercentEncoding ?? $0 }
        self.database = database.removingPercentEncoding ?? database
        self.tls = tls
    }

    /// The address without its password, for messages.
    public var description: String {
        "postgres://\(username)@\(host):\(port)/\(database)"
    }
}
