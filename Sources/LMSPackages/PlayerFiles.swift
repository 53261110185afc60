import Foundation

/// The player's static files, as the content ships them in `Web/player/`: the page, its style
/// sheet and script, and one LMS adapter per kind of package. A package holds the page, the
/// style sheet, the script, its kind's adapter as `lms.js`, and `content.js`.
public struct PlayerFiles: Sendable, Equatable {
    /// The page an LMS launches.
    public static let launchPage = "index.html"
    /// The files every package takes as they are.
    public static let shared = [launchPage, "player.css", "player.js"]
    /// The name each package gives its kind's adapter.
    public static let adapterName = "lms.js"
    /// The name of the content the player reads.
    public static let contentName = "content.js"
    /// What the page's Content-Security-Policy puts in `connect-src`, in place of this marker.
    static let connectSourcesMarker = "{{connect-src}}"

    /// File name → bytes: ``shared`` and each kind's adapter (``LMSPackageKind/adapterSource``).
    public var files: [String: Data]

    public init(files: [String: Data]) {
        self.files = files
    }

    /// Every file a package needs from `Web/player/`.
    public static var required: [String] { shared + LMSPackageKind.allCases.map(\.adapterSource) }
}
