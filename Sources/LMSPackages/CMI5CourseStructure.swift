import XMLWriting

/// `cmi5.xml` of a cmi5 course package (cmi5 §13 and §14, namespace
/// `https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd`): one course with one
/// assignable unit, the player, at a URL relative to the package. `moveOn` is
/// CompletedAndPassed and `masteryScore` the policy's pass mark (0 to 1); the player still fails
/// an attempt with a critical mistake, and then sends no score at or above the mastery score
/// (cmi5 §9.3.5).
public struct CMI5CourseStructure: Sendable, Equatable {
    public var identity: PackageIdentity
    public var title: String
    public var description: String
    /// The policy's pass mark, 0 to 1.
    public var masteryScore: Double

    public init(identity: PackageIdentity, title: String, description: String, masteryScore: Double) {
        self.identity = identity
        self.title = title
        self.description = description
        self.masteryScore = masteryScore
    }

    public static let fileName = "cmi5.xml"
    public static let moveOn = "CompletedAndPassed"

    public var xml: String {
        let title = Self.langstring(title)
        let description = Self.langstring(description)
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
              <course id="\(XMLText.escaped(identity.courseIRI))">
                <title>\(title)</title>
                <description>\(description)</description>
              </course>
              <au id="\(XMLText.escaped(identity.assignableUnitIRI))" moveOn="\(Self.moveOn)" \
            masteryScore="\(Self.decimal(masteryScore))" launchMethod="AnyWindow">
                <title>\(title)</title>
                <description>\(description)</description>
                <url>\(PlayerFiles.launchPage)</url>
              </au>
            </courseStructure>

            """
    }

    private static func langstring(_ text: String) -> String {
        #"<langstring lang="en-US">\#(XMLText.escaped(text))</langstring>"#
    }

    /// An xs:decimal to four places (cmi5 §10.2.4 allows them, so 2/3 is 0.6667, not 0.667):
    /// plain digits, never an exponent, clamped to 0...1.
    static func decimal(_ value: Double) -> String {
        let clamped = min(max(value, 0), 1)
        let tenThousandths = Int((clamped * 10000).rounded())
        if tenThousandths == 10000 { return "1" }
        var digits = String(tenThousandths)
        while digits.count < 4 { digits = "0" + digits }
        while digits.hasSuffix("0") { digits.removeLast() }
        return digits.isEmpty ? "0" : "0.\(digits)"
    }
}
