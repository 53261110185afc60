import ArgumentParser
import Foundation
import RecordStore

/// `--key FILE`: check records and certificates with a district's or school's public key
/// rather than this installation's.
struct KeyFileOptions: ParsableArguments {
    @Option(
        name: .customLong("key"),
        help: ArgumentHelp(
            "Check with this public key instead of this installation's: the output of `csec-trainer keys export` "
                + "(PEM or JWK), or a key set file listing several schools' keys.",
            valueName: "file"))
    var keyFile: String?

    /// The keys in `--key`'s file, or nil when none was given.
    func trustedKeys() throws -> TrustedKeys? {
        guard let keyFile else { return nil }
        guard let data = FileManager.default.contents(atPath: keyFile) else {
            throw ValidationError("Cannot read the key file \(keyFile).")
        }
        return try reportingStoreErrors { try TrustedKeys.read(data, path: keyFile) }
    }
}
