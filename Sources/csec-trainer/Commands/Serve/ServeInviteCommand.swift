import Accounts
import ArgumentParser
import Certificates
import Completion
import Foundation
import RecordStore
import Records
import Storage

/// `serve invite`: personal, single-use sign-in links for rostered staff.
struct ServeInviteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invite",
        abstract: "Personal sign-in links for the staff on the roster: issue them, or withdraw them.",
        subcommands: [ServeInviteIssueCommand.self, ServeInviteRevokeCommand.self],
        defaultSubcommand: ServeInviteIssueCommand.self
    )
}

struct ServeInviteIssueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue",
        abstract:
            "Issue a sign-in link to each person on the roster (or at one school): a mail-merge CSV and a printable sheet.",
        discussion: """
            Each link signs its person in once, until it expires; a new link for a person \
            withdraws their earlier one. The links are written only to the output folder (the \
            server keeps their hashes): invitations.csv for a mail merge, and invitations.pdf, a \
            card with a QR code a person for staff without district e-mail. Keep the files safe, \
            and delete them once sent.
            """)

    @Option(help: "Only the staff of this school.") var school: String?
    @Option(help: "Only the person with this employee id.") var employeeID: String?
    @Option(help: ArgumentHelp("How long the links work, in days (1 to 90).", valueName: "days")) var expiresIn = 14
    @Option(help: ArgumentHelp("The folder to write invitations.csv and invitations.pdf in.", valueName: "dir"))
    var out: String
    @Option(help: "The sheet's paper: letter or a4.") var paper: InvitationSheetPaper = .letter
    @Option(help: ArgumentHelp("The address staff open the server at, e.g. https://training.example.org.", valueName: "url"))
    var publicURL: String
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var data: DataOptions

    func validate() throws {
        guard (1...90).contains(expiresIn) else { throw ValidationError("--expires-in takes 1 to 90 days.") }
        if school != nil, employeeID != nil { throw ValidationError("Give --school or --employee-id, not both.") }
    }

    var selection: InvitationSelection {
        if let employeeID { return .person(employeeID: employeeID) }
        if let school { return .school(school) }
        return .everyone
    }

    func run() throws {
        let publicURL: URL
        do {
            publicURL = try InvitationLink.publicURL(self.publicURL)
        } catch {
            throw ValidationError("--public-url: \(error.description)")
        }
        let settings = try reportingStoreErrors { try InstallationSettings.load(in: data.directory) }
        let issuing = InvitationIssuing(
            materials: InvitationMaterials(issuerName: settings.issuer, timeZone: .current, paper: paper), days: expiresIn)
        let (selection, folder, actor) = (
            selection, URL(filePath: out, directoryHint: .isDirectory), AccountsAccess.commandLineActor
        )
        let outcome = try database.usingAccounts(data) { accounts async throws(AccountError) in
            do throws(InvitationIssuingError) {
                return Result<InvitationIssuing.Issued, InvitationIssuingError>.success(
                    try await issuing.issue(
                        to: selection, on: accounts, publicURL: publicURL, into: folder, now: Date(), by: actor))
            } catch {
                return .failure(error)
            }
        }
        let issued: InvitationIssuing.Issued
        switch outcome {
        case .success(let value): issued = value
        case .failure(.nobodySelected(let selection)):
            StandardError.print(
                "error: no one on the staff roster matches \(selection.words). Import the staff list first "
                    + "(csec-trainer staff import staff.csv), or check the school's name with csec-trainer staff list.")
            throw ExitCode.failure
        case .failure(let error):
            StandardError.print("error: \(error.description)")
            throw ExitCode.failure
        }
        let until = issued.expiresAt.formatted(Date.ISO8601FormatStyle(timeZone: .current).year().month().day())
        print(
            "Issued \(issued.invitations.count) sign-in link(s) of \(selection.words), each working once until \(until):")
        for file in issued.files { print("  \(file.path)") }
        print("Earlier links of these people no longer work. Keep these files safe and delete them once the links are sent.")
    }
}

struct ServeInviteRevokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "Withdraw the sign-in links not yet used: of one person, of a school, or all.")

    @Option(help: "The links of the staff of this school.") var school: String?
    @Option(help: "The link of the person with this employee id.") var employeeID: String?
    @Flag(help: "Every link not yet used.") var all = false
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var data: DataOptions

    func validate() throws {
        guard [school != nil, employeeID != nil, all].filter({ $0 }).count == 1 else {
            throw ValidationError("Give one of --employee-id, --school or --all.")
        }
    }

    func run() throws {
        let selection: InvitationSelection =
            if let employeeID { .person(employeeID: employeeID) } else if let school { .school(school) } else { .everyone }
        let actor = AccountsAccess.commandLineActor
        let count = try database.usingAccounts(data) { accounts async throws(AccountError) in
            try await accounts.revokeInvitations(selection, now: Date(), by: actor)
        }
        print("Withdrew \(count) unused sign-in link(s) of \(selection.words).")
    }
}

extension InvitationSheetPaper: ExpressibleByArgument {}
