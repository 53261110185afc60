import ArgumentParser
import ContentLoading
import ProtocolEngine

extension ProtocolLibrary {
    /// The jurisdiction with `id`, or a usage error that lists the valid ids.
    func requireJurisdiction(_ id: String) throws -> JurisdictionProtocol {
        guard let found = jurisdiction(id) else {
            StandardError.print(
                "Error: unknown jurisdiction '\(id)'. Valid ids: \(jurisdictionIDs.joined(separator: ", ")). "
                    + "Run `csec-trainer protocols` to list them.")
            throw ExitCode.validationFailure
        }
        return found
    }
}
