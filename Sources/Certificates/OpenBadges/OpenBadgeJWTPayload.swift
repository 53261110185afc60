internal import JWTKit

/// The credential as a jwt-kit payload: the JSON of the credential itself, with no added claims
/// (VC-JOSE-COSE: the payload is the credential). Kept internal so JWTKit stays out of the
/// public API.
struct OpenBadgeJWTPayload: JWTPayload {
    var credential: OpenBadgeCredential

    init(_ credential: OpenBadgeCredential) {
        self.credential = credential
    }

    init(from decoder: any Decoder) throws {
        credential = try OpenBadgeCredential(from: decoder)
    }

    func encode(to encoder: any Encoder) throws {
        try credential.encode(to: encoder)
    }

    /// No registered claims to check: validity dates are the caller's to judge against a clock.
    func verify(using algorithm: some JWTAlgorithm) async throws {}
}
