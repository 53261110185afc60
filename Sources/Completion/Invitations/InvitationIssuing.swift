import Accounts
import Certificates
import Foundation
import Records

/// Issuing sign-in links to the staff on the roster: the people a selection names, a new link
/// each (which withdraws their earlier one), and what they receive (``InvitationMaterials``)
/// written into one folder.
public struct InvitationIssuing: Sendable {
    public var materials: InvitationMaterials
    /// How long the links work, in days.
    public var days: Int

    public init(materials: InvitationMaterials, days: Int) {
        self.materials = materials
        self.days = days
    }

    /// What was issued: the invitations, until when they work, and the files written.
    public struct Issued: Sendable {
        public var invitations: [IssuedInvitation]
        public var expiresAt: Date
        public var files: [URL]
    }

    /// Issues links to the people of `selection` on `accounts`' roster, each working once
    /// until `days` after `now`, and writes them into `folder`. The audit log names `actor`.
    /// Should the files not be written, the links issued are in no one's hands: issuing again
    /// withdraws them.
    public func issue(
        to selection: InvitationSelection, on accounts: DistrictAccounts, publicURL: URL, into folder: URL, now: Date,
        by actor: String
    ) async throws(InvitationIssuingError) -> Issued {
        let expiresAt = now + Double(days) * 24 * 60 * 60
        let staff: [StaffMember]
        do throws(AccountError) {
            staff = try await accounts.rosteredStaff(selection)
        } catch {
            throw .accounts(error)
        }
        guard !staff.isEmpty else { throw .nobodySelected(selection) }
        let invitations: [IssuedInvitation]
        do throws(AccountError) {
            invitations = try await accounts.issueInvitations(
                to: staff, expiresAt: expiresAt, publicURL: publicURL, now: now, by: actor)
        } catch {
            throw .accounts(error)
        }
        do throws(InvitationSheetError) {
            let files = try materials.write(invitations, into: folder, madeAt: now)
            return Issued(invitations: invitations, expiresAt: expiresAt, files: files)
        } catch {
            throw .materials(error)
        }
    }
}

/// Why invitations were not issued, or not written.
public enum InvitationIssuingError: Error, Sendable, CustomStringConvertible {
    /// No one on the roster matches the selection.
    case nobodySelected(InvitationSelection)
    case accounts(AccountError)
    /// The links were issued, but the files could not be written.
    case materials(InvitationSheetError)

    public var description: String {
        switch self {
        case .nobodySelected(let selection):
            "no one on the staff roster matches \(selection.words). Import the staff list first, or check the school's "
                + "name as the roster writes it."
        case .accounts(let error): error.description
        case .materials(let error): "cannot write the invitations: \(error.description)"
        }
    }
}
