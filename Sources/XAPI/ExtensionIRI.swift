import Foundation

/// The IRIs csec-trainer owns: extension keys that resolve to their description in
/// docs/xapi.md (xAPI-Data §4.1: the IRI's controller describes it there), and activity ids.
public enum ExtensionIRI {
    /// Where the project publishes its documentation.
    public static let documentation = "https://github.com/csec-trainer/csec-trainer/blob/main/docs/xapi.md"
    /// The base of activity ids.
    public static let activities = "https://github.com/csec-trainer/csec-trainer/xapi/activities"

    public static let jurisdiction = anchor("jurisdiction")
    public static let protocolVersion = anchor("protocol-version")
    public static let protocolHash = anchor("protocol-hash")
    public static let scenarioBankHash = anchor("scenario-bank-hash")
    public static let seed = anchor("seed")
    public static let policy = anchor("policy")
    public static let mode = anchor("mode")
    public static let purpose = anchor("purpose")
    public static let issuer = anchor("issuer")
    public static let session = anchor("session")
    public static let reasons = anchor("reasons")

    /// Every extension key, for the documentation's check.
    public static let all = [
        jurisdiction, protocolVersion, protocolHash, scenarioBankHash, seed, policy, mode, purpose, issuer, session, reasons,
    ]

    private static func anchor(_ name: String) -> String { documentation + "#" + name }

    /// `<activities>/<segments…>`, each segment percent-encoded (a `/` or `#` in a question id
    /// stays inside its segment).
    public static func activity(_ segments: [String]) -> String {
        var components = URLComponents(string: activities)!
        let allowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/;"))
        components.percentEncodedPath += segments.map { "/" + ($0.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0) }
            .joined()
        return components.string!
    }
}
