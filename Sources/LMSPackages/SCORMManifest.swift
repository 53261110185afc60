import XMLWriting

/// `imsmanifest.xml` of a SCORM 1.2 package (ADL SCORM 1.2 CAM; IMS Content Packaging 1.1.2):
/// one organization with one item, launched as one SCO, listing every file of the package.
///
/// It carries no `adlcp:masteryscore`: the policy's critical-mistake rule fails an attempt at any
/// score, and an LMS may set `lesson_status` from a mastery score, so the player alone says
/// passed or failed. It names no schema locations either: the schemas are not shipped in the package.
public struct SCORMManifest: Sendable, Equatable {
    public var identity: PackageIdentity
    public var title: String
    /// The files of the package, by path, the launch page first.
    public var files: [String]

    public init(identity: PackageIdentity, title: String, files: [String]) {
        self.identity = identity
        self.title = title
        self.files = files
    }

    public static let fileName = "imsmanifest.xml"

    public var xml: String {
        let title = XMLText.escaped(title)
        let files = files.map { #"      <file href="\#(XMLText.escaped($0))"/>"# }.joined(separator: "\n")
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest identifier="\(identity.manifestIdentifier)" version="1.0"
                xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
                xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
              <metadata>
                <schema>ADL SCORM</schema>
                <schemaversion>1.2</schemaversion>
              </metadata>
              <organizations default="course">
                <organization identifier="course">
                  <title>\(title)</title>
                  <item identifier="player-item" identifierref="player" isvisible="true">
                    <title>\(title)</title>
                  </item>
                </organization>
              </organizations>
              <resources>
                <resource identifier="player" type="webcontent" adlcp:scormtype="sco" href="\(PlayerFiles.launchPage)">
            \(files)
                </resource>
              </resources>
            </manifest>

            """
    }
}
