import Foundation
import Logging
import NIOSSL
import PostgresNIO
import Storage

/// A pool of connections to one PostgreSQL database, and the schema in it that csec-trainer's
/// tables live in (`public` unless told otherwise; tests give each run its own).
///
/// ``connect(_:schema:)`` first opens one connection by itself, so that a server that is not
/// there is reported at once with its host and port, rather than on the first query.
public final class RecordDatabase: Sendable {
    public let address: DatabaseAddress
    public let schema: String
    let client: PostgresClient
    private let running: Task<Void, Never>

    private init(address: DatabaseAddress, schema: String, client: PostgresClient) {
        self.address = address
        self.schema = schema
        self.client = client
        running = Task { await client.run() }
    }

    static let logger = Logger(label: "csec-trainer.postgres")

    /// Connects to `address`, to use the tables in `schema` (letters, digits and underscores).
    public static func connect(_ address: DatabaseAddress, schema: String = "public") async throws(StorageError)
        -> RecordDatabase
    {
        guard let first = schema.utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first),
            schema.utf8.allSatisfy({ $0 == UInt8(ascii: "_") || (0x30...0x39).contains($0) || (0x61...0x7A).contains($0) })
        else {
            throw .invalidDatabaseAddress(reason: "the schema name '\(schema)' should be lower-case letters, digits and _")
        }
        let tls: PostgresConnection.Configuration.TLS
        let clientTLS: PostgresClient.Configuration.TLS
        do {
            switch address.tls {
            case .disable: (tls, clientTLS) = (.disable, .disable)
            case .prefer:
                (tls, clientTLS) = (
                    .prefer(try NIOSSLContext(configuration: .makeClientConfiguration())), .prefer(.makeClientConfiguration())
                )
            case .require:
                (tls, clientTLS) = (
                    .require(try NIOSSLContext(configuration: .makeClientConfiguration())), .require(.makeClientConfiguration())
                )
            }
        } catch {
            throw .cannotConnect(host: address.host, port: address.port, reason: "TLS could not be set up (\(error))")
        }
        let configuration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.username, password: address.password,
            database: address.database, tls: tls)
        do {
            let connection = try await PostgresConnection.connect(
                configuration: configuration, id: 0, logger: logger)
            try? await connection.close()
        } catch {
            throw .cannotConnect(host: address.host, port: address.port, reason: Self.connectionReason(error))
        }
        var clientConfiguration = PostgresClient.Configuration(
            host: address.host, port: address.port, username: address.username, password: address.password,
            database: address.database, tls: clientTLS)
        clientConfiguration.options.maximumConnections = 16
        return RecordDatabase(address: address, schema: schema, client: PostgresClient(configuration: clientConfiguration))
    }

    /// Closes the connections.
    public func close() async {
        running.cancel()
        await running.value
    }

    /// `text` with `{schema}` replaced by the schema's quoted name, and no parameters.
    func sql(_ text: String) -> PostgresQuery {
        PostgresQuery(unsafeSQL: text.replacingOccurrences(of: "{schema}", with: quotedSchema))
    }

    /// The schema's name, quoted for SQL (``connect(_:schema:)`` allows no quote in it).
    var quotedSchema: String { "\"\(schema)\"" }

    /// Where records go, for messages: the address without its password, and the schema.
    public var location: String {
        schema == "public" ? address.description : "\(address) (schema \(schema))"
    }

    /// Runs `body` with the pool; a failure becomes a ``StorageError``.
    func run<Result: Sendable>(_ body: (PostgresClient) async throws -> Result) async throws(StorageError) -> Result {
        do {
            return try await body(client)
        } catch let error as StorageError {
            throw error
        } catch let error as PostgresTransactionError {
            if let inner = error.closureError as? StorageError { throw inner }
            throw .database(location: location, reason: Self.reason(error))
        } catch {
            throw .database(location: location, reason: Self.reason(error))
        }
    }

    /// Why a connection failed, in words: the server's when it answered (a wrong password, a
    /// database that does not exist), else what the network said.
    static func connectionReason(_ error: any Error) -> String {
        let text = reason(error)
        if text.contains("Connection refused") { return "the connection was refused (nothing listens on that port)" }
        if text.contains("imeout") || text.contains("timed out") { return "no answer in time" }
        if text.contains("UnknownHost") || text.contains("getaddrinfo") { return "the host name is not known" }
        return text
    }

    /// Why `error` happened, in the server's words when it gave some (never the password).
    static func reason(_ error: any Error) -> String {
        if let error = error as? PostgresTransactionError,
            let inner = error.closureError ?? error.beginError ?? error.commitError ?? error.rollbackError
        {
            return reason(inner)
        }
        guard let error = error as? PSQLError else { return "\(error)" }
        if let message = error.serverInfo?[.message] { return message }
        if let underlying = error.underlying { return "\(underlying)" }
        return "\(error.code)"
    }
}
