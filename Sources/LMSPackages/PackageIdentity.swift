import Foundation

/// The names a package gives itself: its title, the SCORM identifiers (XML NCNames) and the cmi5
/// IRIs of the course, its one assignable unit and its questions. They follow from the
/// jurisdiction and the seed alone, so exporting the same course again names it the same.
public struct PackageIdentity: Sendable, Equatable {
    /// The project's own IRIs start here (as the JSON schemas' `$id`s do).
    public static let projectIRI = "https://github.com/csec-trainer/csec-trainer"

    public var jurisdiction: String
    public var seed: UInt64

    public init(jurisdiction: String, seed: UInt64) {
        self.jurisdiction = jurisdiction
        self.seed = seed
    }

    /// "CSEC response training: Marin County".
    public func title(jurisdictionName: String) -> String { "CSEC response training: \(jurisdictionName)" }

    /// `https://github.com/csec-trainer/csec-trainer/lms/<jurisdiction>/seed-<seed>`: the cmi5 course.
    public var courseIRI: String {
        let segment = jurisdiction.addingPercentEncoding(withAllowedCharacters: Self.segmentCharacters) ?? "jurisdiction"
        return "\(Self.projectIRI)/lms/\(segment)/seed-\(seed)"
    }

    /// The course's one assignable unit: the player.
    public var assignableUnitIRI: String { courseIRI + "/player" }

    /// Where each question's activity id starts; its interaction id follows.
    public var questionIRIBase: String { courseIRI + "/questions/" }

    /// `csec-trainer-<jurisdiction>-seed-<seed>`, an XML NCName (the manifest's identifier).
    public var manifestIdentifier: String {
        let name = jurisdiction.unicodeScalars.map { Self.isNameCharacter($0) ? String($0) : "_" }.joined()
        return "csec-trainer-\(name)-seed-\(seed)"
    }

    private static let segmentCharacters = CharacterSet(
        charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", "-", "_", ".": true
        default: false
        }
    }
}
