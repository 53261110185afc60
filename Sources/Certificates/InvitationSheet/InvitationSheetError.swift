/// Why an invitation sheet or its mail-merge file could not be made, in words a school
/// trainer can act on.
public enum InvitationSheetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// There is no one to invite: the sheet would be empty.
    case nobodyToInvite
    /// A person's name, school or role is too long for their card even at the smallest
    /// readable size.
    case doesNotFit(name: String)
    /// A person's link, `characters` long, is too long to print and type, or to put in a QR code.
    /// (The link itself is a secret: it is never in a message.)
    case linkTooLong(name: String, characters: Int)
    /// The sheet could not be drawn (the drawing library reported a problem).
    case cannotRender(reason: String)
    /// The finished file could not be saved at `path`.
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .nobodyToInvite:
            "There is no one to invite, so there is no sheet to print. "
                + "Check that the school is written as on the staff roster, and that the roster is imported."
        case .doesNotFit(let name):
            "The invitation card of \(name) does not fit at a readable size: the name, school or role is too long. "
                + "Shorten it on the staff roster and import it again."
        case .linkTooLong(let name, let characters):
            "The sign-in link of \(name) is too long to print and scan (\(characters) characters). "
                + "Use a shorter public address for the server."
        case .cannotRender(let reason):
            "The invitation sheet could not be drawn: \(reason)."
        case .cannotWrite(let path, let reason):
            "The invitations could not be saved to \(path): \(reason). "
                + "Check that the folder exists and that you may write to it."
        }
    }
}
