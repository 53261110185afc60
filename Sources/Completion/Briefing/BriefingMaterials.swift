import Briefing
import ContentLoading
import Foundation
import ProtocolEngine

/// What the briefing, the quick-reference card and the content note are made from: the
/// authored text, the site's contacts and the vocabulary. A content error names its file, line
/// and column.
public struct BriefingMaterials: Sendable {
    public var text: BriefingText
    public var site: SiteFile
    public var vocabulary: Vocabulary

    /// The materials of `directory`'s content, with the site file at `siteFile` (which must
    /// exist), else `site.yaml` in `dataDirectory` (blank contacts when there is none).
    public static func load(
        from directory: ContentDirectory, library: ProtocolLibrary, siteFile: URL?, dataDirectory: URL
    ) throws(ContentError) -> BriefingMaterials {
        let text = try directory.loadBriefingText(library: library)
        let loaded = try SiteContactsLoader.load(
            explicit: siteFile, dataDirectory: dataDirectory, knownContacts: text.siteContactBoxes.map(\.id.rawValue))
        return BriefingMaterials(
            text: text, site: SiteFile(contacts: loaded.contacts, file: loaded.file, found: loaded.found),
            vocabulary: library.vocabulary)
    }

    /// The note every session opens with, with the site's employee assistance program if configured.
    public var contentNote: ContentNote { ContentNote(employeeAssistance: site.contacts.employeeAssistance) }

    public func briefing(for jurisdiction: JurisdictionProtocol) -> Briefing {
        BriefingBuilder(vocabulary: vocabulary, text: text).briefing(for: jurisdiction, site: site.contacts)
    }

    public func card(for jurisdiction: JurisdictionProtocol) -> QuickReferenceCard {
        QuickReferenceCard(
            jurisdiction: jurisdiction, vocabulary: vocabulary, boxes: text.siteContactBoxes, site: site.contacts)
    }

    /// Where the site file was looked for and how to fill it, when there was none.
    public var missingSiteHint: String? {
        site.found ? nil : "No site contacts yet: \(site.file.path) does not exist. \(SiteContactSheet.fillInHint)"
    }
}

/// A site file as loaded: its contacts, where it was looked for, and whether it was there.
public struct SiteFile: Sendable {
    public var contacts: SiteContacts
    public var file: URL
    public var found: Bool
}
