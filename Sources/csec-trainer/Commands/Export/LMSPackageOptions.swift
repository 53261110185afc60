import ArgumentParser
import Completion
import ContentLoading
import Foundation
import LMSPackages
import ProtocolEngine
import RecordStore

/// What `export scorm` and `export cmi5` share: the course, where it goes, and the content.
struct LMSPackageOptions: ParsableArguments {
    @Option(help: "The jurisdiction id (see `csec-trainer protocols`).") var jurisdiction: String
    @Option(
        help: ArgumentHelp(
            "Seed that draws the course's cases and orders the options; the same seed gives the same package (default: \(PackageExport.defaultSeed))."
        )) var seed: UInt64 = PackageExport.defaultSeed
    @Option(help: ArgumentHelp("Where to write the package.", valueName: "pkg.zip")) var out: String
    @OptionGroup var site: SiteOptions
    @OptionGroup var data: DataOptions
    @OptionGroup var content: ContentOptions

    /// Builds the package of `kind`, writes it to `--out`, and prints what was written.
    func export(_ kind: LMSPackageKind) throws {
        let directory = try content.reportingErrors { try content.locate() }
        let training = try content.reportingErrors {
            try directory.loadTrainingContent(protocolsIn: content.protocolsDirectory.map(ContentOptions.url))
        }
        let jurisdiction = try training.library.requireJurisdiction(self.jurisdiction)
        let materials = try site.materials(from: directory, library: training.library, dataDirectory: data.directory)
        let export = PackageExport(
            content: training, materials: materials, playerDirectory: PackageExport.playerDirectory(of: directory))
        let zip: Data
        do {
            zip = try export.zip(kind, for: jurisdiction, seed: seed)
        } catch {
            StandardError.print(error.description)
            throw ExitCode.failure
        }
        do {
            try zip.write(to: URL(filePath: out), options: .atomic)
        } catch {
            throw ValidationError("Cannot write the package to \(out): \(FileProblem.words(for: error)).")
        }
        if let hint = materials.missingSiteHint { StandardError.print(hint) }
        print("\(kind.name) package for \(jurisdiction.name) (seed \(seed)) saved: \(out)")
    }
}
