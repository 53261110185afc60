/// The ways staff and administrators can sign in on this server, shown on the sign-in page.
/// Invitation links and administrators' passwords are always on; the district's OpenID provider
/// is on when the server is given one.
public struct SignInMethods: Sendable, Equatable {
    /// The district's OpenID Connect provider, by the name the sign-in page shows ("Google
    /// Workspace"), with the path that starts its sign-in on this server. The routes behind it
    /// (`/sign-in/oidc` and its callback) are registered by the OpenID sign-in when it is wired
    /// in: this server only links to them.
    public struct OpenIDProvider: Sendable, Equatable {
        public var displayName: String
        public var startPath: String

        public init(displayName: String, startPath: String = "/sign-in/oidc") {
            self.displayName = displayName
            self.startPath = startPath
        }
    }

    public var openID: OpenIDProvider?

    public init(openID: OpenIDProvider? = nil) {
        self.openID = openID
    }

    /// Invitation links and administrators' passwords only.
    public static let invitationsAndPasswords = SignInMethods()
}
