import Briefing
import ProtocolEngine

extension ContentParser {
    /// Parses the briefing's authored text (`Scoring/briefing.yaml`), checking its action and
    /// jurisdiction ids against `library`.
    public static func briefingText(
        fromYAML text: String, fileName: String, library: ProtocolLibrary
    ) throws(ContentError) -> BriefingText {
        let document = try YAMLDocument(text: text, fileName: fileName)
        try document.requireFormat(in: BriefingTextFile.supportedFormats)
        return try document.decode(BriefingTextFile.self).validated(against: library, in: document)
    }

    /// Parses a site contact sheet; its contact ids must be among `knownContacts` (the ids of
    /// the sheet's boxes).
    public static func siteContacts(
        fromYAML text: String, fileName: String, knownContacts: [String]
    ) throws(ContentError) -> SiteContacts {
        let document = try YAMLDocument(text: text, fileName: fileName)
        try document.requireFormat(in: SiteContactsFile.supportedFormats)
        return try document.decode(SiteContactsFile.self).validated(knownContacts: knownContacts, in: document)
    }
}
