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

    /// Parses a site contact sheet; its contact ids must be among `knownContacts` (the boxes
    /// of ``siteContactIDs(boxes:library:)``).
    public static func siteContacts(
        fromYAML text: String, fileName: String, knownContacts: [String]
    ) throws(ContentError) -> SiteContacts {
        let document = try YAMLDocument(text: text, fileName: fileName)
        try document.requireFormat(in: SiteContactsFile.supportedFormats)
        return try document.decode(SiteContactsFile.self).validated(knownContacts: knownContacts, in: document)
    }

    /// The ids a site file may fill: the sheet's boxes, then every contact a loaded protocol
    /// prints without a number (a box it leaves for the school).
    public static func siteContactIDs(boxes: [SiteContactBox], library: ProtocolLibrary) -> [String] {
        var ids = boxes.map(\.id.rawValue)
        for contact in library.protocols.flatMap(\.contacts) where contact.phone == nil && contact.web == nil {
            if !ids.contains(contact.id.rawValue) { ids.append(contact.id.rawValue) }
        }
        return ids
    }
}
