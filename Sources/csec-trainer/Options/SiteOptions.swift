import ArgumentParser
import Briefing
import Completion
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

    /// The briefing materials of `directory`'s content with this site file; prints a content
    /// error (file, line, column) and exits on failure.
    func materials(from directory: ContentDirectory, library: ProtocolLibrary, dataDirectory: URL) throws
        -> BriefingMaterials
    {
        do {
            return try BriefingMaterials.load(
                from: directory, library: library, siteFile: site.map { URL(filePath: $0) }, dataDirectory: dataDirectory)
        } catch {
            StandardError.print(error.description)
            throw ExitCode.failure
        }
    }
}
