import Briefing
import Foundation

extension ContentDirectory {
    /// The briefing's authored text.
    public var briefingFile: URL { root.appending(path: "Scoring/briefing.yaml") }

    /// Loads the briefing's authored text, checked against `library`.
    public func loadBriefingText(library: ProtocolLibrary) throws(ContentError) -> BriefingText {
        try ContentParser.briefingText(fromYAML: readText(briefingFile), fileName: displayPath(briefingFile), library: library)
    }
}

/// Finds and reads a site's contact sheet.
public enum SiteContactsLoader {
    /// The site file at `explicit` (which must exist), else `site.yaml` in `dataDirectory`
    /// (blank contacts when it does not exist); with where it was looked for.
    public static func load(
        explicit: URL?, dataDirectory: URL, knownContacts: [String]
    ) throws(ContentError) -> (contacts: SiteContacts, file: URL, found: Bool) {
        let file = explicit ?? dataDirectory.appending(path: "site.yaml")
        guard explicit != nil || FileManager.default.fileExists(atPath: file.path) else { return (.empty, file, false) }
        let contacts = try ContentParser.siteContacts(
            fromYAML: readText(file), fileName: displayPath(file), knownContacts: knownContacts)
        return (contacts, file, true)
    }
}
