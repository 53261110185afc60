import ArgumentParser
import ContentLoading
import Foundation
import RecordStore
import XAPI

/// How records become xAPI statements: who the actor is (the content that gives the
/// questions' choices their text is the command's own --content).
struct XAPIOptions: ParsableArguments {
    @Option(
        name: .customLong("district-url"),
        help: ArgumentHelp(
            "The district's web address, the home page of the staff accounts the statements name "
                + "(an employee id becomes an account there; see docs/xapi.md).",
            valueName: "url"))
    var districtURL: String?

    @Flag(
        name: .customLong("include-names"),
        help: ArgumentHelp(
            "Write each person's name and email address in the statements.",
            discussion: "By default an email is written as its SHA-1, and a person without employee id or email is "
                + "named by a pseudonym."))
    var includeNames = false

    func validate() throws {
        guard let districtURL else { return }
        guard let url = URL(string: districtURL), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
            throw ValidationError("--district-url must be a web address, e.g. https://www.district.org.")
        }
    }

    /// The district's address; `--district-url` is required here.
    func homePage() throws -> URL {
        guard let districtURL, let url = URL(string: districtURL) else {
            throw ValidationError(
                "Give the district's web address with --district-url (e.g. https://www.district.org): "
                    + "the statements name staff as accounts on it.")
        }
        return url
    }

    /// The actor policy, its pseudonyms keyed by the installation key of `data`.
    func actors(_ data: DataOptions) throws -> ActorPolicy {
        let secret = try data.installationKey().derivedSecret(for: "csec-trainer xAPI pseudonyms")
        return ActorPolicy(homePage: try homePage(), includesNames: includeNames, pseudonymSecret: secret)
    }

    /// The training content, or nil with a note when it cannot be loaded (the statements then
    /// list only the chosen and the correct choice of each question).
    func trainingContent(from content: ContentOptions) -> TrainingContent? {
        do {
            return try content.locate().loadTrainingContent(protocolsIn: content.protocolsDirectory.map(ContentOptions.url))
        } catch {
            StandardError.print(
                "note: the training content could not be loaded (\(error)); each question's statement "
                    + "lists only the chosen and the correct choice.")
            return nil
        }
    }
}
