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
            up. Give the public key to whoever must check records or credentials elsewhere: \
            `certificate verify --key` and `records verify --key` take any of these formats; a \
            district can join its schools' key sets into one file.
            """)

    enum KeyFormat: String, ExpressibleByArgument, CaseIterable {
        case pem, jwk
        case keySet = "key-set"
    }

    @Option(
        help: "pem (SubjectPublicKeyInfo), jwk (JSON Web Key), or key-set (a key set naming this installation's issuer).")
    var format: KeyFormat = .pem
    @OptionGroup var data: DataOptions

    func run() throws {
        let store = try data.recordStore()
        let key = store.key
        switch format {
        case .pem: print(key.publicKeyPEM, terminator: "")
        case .jwk: print(try JSONOutput.string(key.publicKeyJWK))
        case .keySet:
            guard let issuer = store.issuer else {
                throw ValidationError(
                    "A key set names the issuer of each key; set this installation's first: "
                        + "`csec-trainer settings --issuer \"Your District\"`.")
            }
            let file = KeySetFile(keys: [TrustedKeys.Key(publicKey: key.publicKey, issuer: issuer)])
            print(String(decoding: try file.fileContents(), as: UTF8.self), terminator: "")
        }
    }
}
