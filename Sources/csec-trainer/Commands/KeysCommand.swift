import ArgumentParser
import Foundation
import RecordStore

struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "This installation's signing key.",
        subcommands: [KeysExportCommand.self, KeysNewCommand.self]
    )
}

struct KeysExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print the public key that checks this installation's records and credentials.",
        discussion: """
            The private key stays in <data dir>/keys (readable by you only); back that folder \
            up. Give the public key to whoever must check records or credentials elsewhere.
            """)

    enum KeyFormat: String, ExpressibleByArgument, CaseIterable { case pem, jwk }

    @Option(help: "pem (SubjectPublicKeyInfo) or jwk (JSON Web Key).") var format: KeyFormat = .pem
    @OptionGroup var data: DataOptions

    func run() throws {
        let key = try data.recordStore().key
        switch format {
        case .pem: print(key.publicKeyPEM, terminator: "")
        case .jwk: print(try JSONOutput.string(key.publicKeyJWK))
        }
    }
}
