import ArgumentParser
import Foundation
import RecordStore

struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings",
        abstract: "Show or set this installation's settings: the district or school that issues its records.",
        discussion: """
            Set the issuer once: records signed from then on name it, and so do their \
            certificates and Open Badges credentials (instead of "csec-trainer"); records \
            already signed are unchanged. Kept in <data dir>/settings.json.
            """)

    @Option(help: ArgumentHelp("The district or school that issues this installation's records.", valueName: "name"))
    var issuer: String?
    @OptionGroup var data: DataOptions

    func validate() throws {
        if let issuer, issuer.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("--issuer needs the name of your district or school.")
        }
    }

    func run() throws {
        var settings = try reportingStoreErrors { try InstallationSettings.load(in: data.directory) }
        guard let issuer = issuer?.trimmingCharacters(in: .whitespacesAndNewlines) else {
            print(
                settings.issuer.map { "Issuer: \($0)" }
                    ?? "Issuer: not set (records and certificates name csec-trainer). "
                    + "Set it with `csec-trainer settings --issuer \"Your District\"`.")
            return
        }
        let earlier = settings.issuer
        settings.issuer = issuer
        try reportingStoreErrors { try settings.save(in: data.directory) }
        print(
            "Issuer: \(issuer)" + (earlier.map { " (was \($0))" } ?? "")
                + ". Records signed from now on name it, and so do their certificates and credentials.")
    }
}
