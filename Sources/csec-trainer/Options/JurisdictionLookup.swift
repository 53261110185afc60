import ArgumentParser
import ContentLoading
import ProtocolEngine
import TerminalUI

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

extension ProtocolLibrary {
    /// The jurisdiction `typed` names, by id or name (see `JurisdictionChoice`), or a usage error
    /// that lists them.
    func matchingJurisdiction(_ typed: String) throws -> JurisdictionProtocol {
        guard let found = JurisdictionChoice.match(typed, in: protocols) else {
            throw ValidationError("Unknown jurisdiction '\(typed)'. Valid: \(JurisdictionChoice.list(protocols)).")
        }
        return found
    }
}
