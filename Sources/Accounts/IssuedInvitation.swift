import Foundation
import Records

/// An invitation just issued, with the secret link to hand to its person: the rows of the
/// mail-merge CSV and of the printable sheet. Only its hash is stored, so this is the one time
/// the link exists: written out, it cannot be shown again (issue a new one instead).
public struct IssuedInvitation: Sendable, Hashable {
    public var person: StaffMember
    public var token: SecretToken
    /// The sign-in link: ``InvitationLink/url(publicURL:token:)``.
    public var link: URL
    public var expiresAt: Date

    public init(person: StaffMember, token: SecretToken, link: URL, expiresAt: Date) {
        self.person = person
        self.token = token
        self.link = link
        self.expiresAt = expiresAt
    }
}

/// Where an invitation link leads: `<public URL>/invitation/<token>` on the district server,
/// whose page signs the person in.
public enum InvitationLink {
    /// The route's path prefix (the server's route is `/invitation/:token`).
    public static let pathPrefix = "/invitation/"

    /// The server's public address read from `text`: http or https, with a host, without a
    /// query or fragment.
    public static func publicURL(_ text: String) throws(AccountError) -> URL {
        guard let components = URLComponents(string: text.trimmingCharacters(in: .whitespaces)),
            let scheme = components.scheme?.lowercased(), scheme == "https" || scheme == "http",
            let host = components.host, !host.isEmpty, components.query == nil, components.fragment == nil,
            let url = components.url
        else { throw .unusablePublicURL(text) }
        return url
    }

    /// The link for `token` on the server at `publicURL` (`https://training.example.org`, or
    /// with a path when the server sits under one behind a proxy).
    public static func url(publicURL: URL, token: SecretToken) -> URL {
        let base =
            publicURL.absoluteString.hasSuffix("/") ? String(publicURL.absoluteString.dropLast()) : publicURL.absoluteString
        return URL(string: base + pathPrefix + token.text) ?? publicURL.appending(path: "invitation/\(token.text)")
    }
}
