/// A question's interaction id for SCORM 1.2 (`cmi.interactions.n.id`, a CMIIdentifier: at most
/// 255 characters, no white space; read strictly here as `[A-Za-z0-9_-]`): `q<number>_` and the
/// engine's question id with every other character written as `_`.
public enum InteractionID {
    public static let maximumLength = 255

    public static func make(questionID: String, number: Int) -> String {
        let kept = questionID.unicodeScalars.map { isAllowed($0) ? String($0) : "_" }.joined()
        return String("q\(number)_\(kept)".prefix(maximumLength))
    }

    /// Whether `id` is an interaction id under the strict reading.
    public static func isValid(_ id: String) -> Bool {
        !id.isEmpty && id.count <= maximumLength && id.unicodeScalars.allSatisfy(isAllowed)
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", "_", "-": true
        default: false
        }
    }
}
