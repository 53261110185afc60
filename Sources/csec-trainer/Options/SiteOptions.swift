import ArgumentParser
import Briefing
import ContentLoading
import Foundation
import ProtocolEngine

/// Where the site's contact sheet comes from: `--site FILE`, else `site.yaml` in the data directory.
struct SiteOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The site's contact sheet (default: site.yaml in the data directory; see docs/site-contacts.md).",
            valueName: "file"))
    var site: String?

    /// The site's contacts (blank when there is no site file), with the file looked for;
    /// prints a content error and exits on failure.
    func load(dataDirectory: URL, boxes: [SiteContactBox]) throws -> SiteFile {
        do {
            let loaded = try SiteContactsLoader.load(
                explicit: site.map { URL(filePath: $0) }, dataDirectory: dataDirectory,
                knownContacts: boxes.map(\.id.rawValue))
            return SiteFile(contacts: loaded.contacts, file: loaded.file, found: loaded.found)
        } catch {
            StandardError.print(error.description)
            throw ExitCode.failure
        }
    }
}

/// A site file as loaded: its contacts, where it was looked for, and whether it was there.
struct SiteFile {
    var contacts: SiteContacts
    var file: URL
    var found: Bool
}
