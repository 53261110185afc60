/// The two kinds of package an LMS imports.
public enum LMSPackageKind: String, Sendable, Codable, Equatable, CaseIterable {
    /// SCORM 1.2: `imsmanifest.xml`, the player talks to the LMS's runtime API.
    case scorm12 = "scorm"
    /// cmi5: `cmi5.xml`, the player sends xAPI statements to the LMS's learning record store.
    case cmi5

    /// "SCORM 1.2" or "cmi5".
    public var name: String {
        switch self {
        case .scorm12: "SCORM 1.2"
        case .cmi5: "cmi5"
        }
    }

    /// The player's adapter for this kind, in `Web/player/`.
    public var adapterSource: String {
        switch self {
        case .scorm12: "scorm12.js"
        case .cmi5: "cmi5.js"
        }
    }

    /// The manifest's file name at the package's root.
    public var manifestName: String {
        switch self {
        case .scorm12: SCORMManifest.fileName
        case .cmi5: CMI5CourseStructure.fileName
        }
    }

    /// What the page may connect to: nothing under SCORM (the API is a JavaScript object), any
    /// learning record store under cmi5 (the LMS names it at launch).
    var connectSources: String {
        switch self {
        case .scorm12: "'none'"
        case .cmi5: "http: https:"
        }
    }
}
