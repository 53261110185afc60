import Foundation

/// What the provider sent back with the browser: the query of the redirect URI (OpenID Connect
/// Core §3.1.2.5 and §3.1.2.6), checked against the pending sign-in.
enum AuthorizationResponse {
    /// The authorization code, once the state is this sign-in's and the provider reported no
    /// error. A parameter given twice counts as absent (RFC 6749 §3.1: none may be repeated).
    static func code(
        fromQuery query: String, pending: PendingSignIn, issuer: String
    ) throws(OpenIDSignInError) -> String {
        let pairs = FormEncoding.decode(query.hasPrefix("?") ? String(query.dropFirst()) : query) ?? []
        func value(_ name: String) -> String? {
            let values = pairs.filter { $0.name == name }
            return values.count == 1 ? values[0].value : nil
        }
        let stateMatches = value("state").map { ConstantTime.equal($0, pending.state) } ?? false
        // An error ends the sign-in whatever its state (some providers send none with it); its
        // description is shown only when the state proves that the provider wrote it.
        if let error = value("error") {
            throw .providerRefused(
                error: errorCode(error), description: stateMatches ? value("error_description") : nil)
        }
        guard stateMatches else { throw .stateMismatch }
        // RFC 9207: a provider that names itself in the response must be the configured one.
        if let returnedIssuer = value("iss"), returnedIssuer != issuer {
            throw .wrongIssuer(expected: issuer, found: returnedIssuer)
        }
        guard let code = value("code"), !code.isEmpty else { throw .missingAuthorizationCode }
        return code
    }

    /// An error code as RFC 6749 §4.1.2.1 allows it (printable ASCII but `"` and `\`, here at
    /// most 64 characters); anything else is not repeated.
    private static func errorCode(_ code: String) -> String {
        let allowed = code.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value <= 0x7E && $0 != "\"" && $0 != "\\" }
        return allowed && !code.isEmpty && code.count <= 64 ? code : "an error code that is not valid"
    }
}

/// Comparison of secrets whose time does not depend on where they first differ.
enum ConstantTime {
    static func equal(_ left: String, _ right: String) -> Bool {
        let left = Array(left.utf8)
        let right = Array(right.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
