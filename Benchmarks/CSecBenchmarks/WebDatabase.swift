import Foundation
import Logging
import NIOSSL
import PostgresNIO
import PostgresStorage

/// A database of its own for the web benchmark's server, on the PostgreSQL server of `address`,
/// dropped afterwards. A database, not a schema: `csec-trainer serve --database` keeps its tables
/// in the `public` schema of the database its address names.
struct WebDatabase {
    let server: DatabaseAddress
    /// The address given, its database name replaced by this one's.
    let address: String
    let name: String

    static func create(on address: String) async throws -> WebDatabase {
        let server = try DatabaseAddress(address)
        let name = "csec_web_benchmark_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        guard var components = URLComponents(string: address) else {
            throw ValidationFailure(message: "cannot read the database address \(server)")
        }
        components.path = "/" + name
        let database = WebDatabase(server: server, address: components.string ?? address, name: name)
        try await database.execute("CREATE DATABASE \(name)")
        return database
    }

    /// Drops the database (the server's connections to it ended first).
    func drop() async throws {
        try await execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    /// Runs `statement` on the server's own database (the one the address names).
    private func execute(_ statement: String) async throws {
        let tls: PostgresConnection.Configuration.TLS =
            switch server.tls {
            case .disable: .disable
            case .prefer: .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            case .require: .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
        let connection = try await PostgresConnection.connect(
            configuration: .init(
                host: server.host, port: server.port, username: server.username, password: server.password,
                database: server.database, tls: tls),
            id: 1, logger: Logger(label: "csec-benchmarks.web"))
        do {
            _ = try await connection.query(PostgresQuery(unsafeSQL: statement), logger: Logger(label: "csec-benchmarks.web"))
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }
}
