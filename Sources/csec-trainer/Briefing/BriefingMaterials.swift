import ArgumentParser
import Briefing
import ContentLoading
import Foundation
import ProtocolEngine

/// What the briefing, the quick-reference card and the content note are made from: the
/// authored text, the site's contacts and the vocabulary. Loading prints any content error
/// (with its file, line and column) and exits.
struct BriefingMaterials {
    var text: BriefingText
    var site: SiteFile
    var vocabulary: Vocabulary

    static func load(
        from directory: ContentDirectory, library: ProtocolLibrary, site options: SiteOptions, dataDirectory: URL
    ) throws -> BriefingMaterials {
        let text: BriefingText
        do {
            text = try directory.loadBriefingText(library: library)
        } catch {
            StandardError.print(error.description)
            throw ExitCode.failure
        }
        let site = try options.load(dataDirectory: dataDirectory, boxes: text.siteContactBoxes)
        return BriefingMaterials(text: text, site: site, vocabulary: library.vocabulary)
    }

    /// The note every session opens with, with the site's employee assistance program if configured.
    var contentNote: ContentNote { ContentNote(employeeAssistance: site.contacts.employeeAssistance) }

    func briefing(for jurisdiction: JurisdictionProtocol) -> Briefing {
        BriefingBuilder(vocabulary: vocabulary, text: text).briefing(for: jurisdiction, site: site.contacts)
    }

    func card(for jurisdiction: JurisdictionProtocol) -> QuickReferenceCard {
        QuickReferenceCard(
            jurisdiction: jurisdiction, vocabulary: vocabulary, boxes: text.siteContactBoxes, site: site.contacts)
    }

    /// Where the site file was looked for and how to fill it, when there was none.
    var missingSiteHint: String? {
        site.found ? nil : "No site contacts yet: \(site.file.path) does not exist. \(SiteContactSheet.fillInHint)"
    }
}
