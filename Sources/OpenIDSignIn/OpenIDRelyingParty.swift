import Foundation
import JWTKit

/// This server as an OpenID Connect relying party of one provider: starts sign-ins (the
/// authorization-code flow with PKCE) and finishes them (the state, the code exchange, and
/// every check of the ID token), returning the person the provider vouches for.
///
/// The provider's discovery document is fetched once and kept; its signing keys are kept and
/// fetched again when a token names a key not among them (at most once a minute), or once a day.
/// Time is passed in, never read; randomness is injected.
public actor OpenIDRelyingParty {
    /// The shortest time between two fetches of the provider's keys for an unknown key ID.
    static let keyRefetchInterval: TimeInterval = 60
    /// The longest time the provider's keys are used before they are fetched again.
    static let keyLifetime: TimeInterval = 24 * 60 * 60

    public nonisolated let settings: OpenIDSignInSettings
    private let transport: any OpenIDTransport
    private var generator: any RandomNumberGenerator & Sendable
    private var metadata: ProviderMetadata?
    private var signingKeys: SigningKeys?

    /// `generator` must be a cryptographically secure generator outside tests (the default).
    public init(
        settings: OpenIDSignInSettings, transport: any OpenIDTransport = AsyncHTTPClientTransport(),
        generator: any RandomNumberGenerator & Sendable = SystemRandomNumberGenerator()
    ) {
        self.settings = settings
        self.transport = transport
        self.generator = generator
    }

    /// The provider's discovery document, fetched on first use and checked: the issuer it states
    /// is exactly the configured one, its addresses are https, and it offers PKCE and a way to
    /// send the client secret that this server supports.
    public func providerMetadata() async throws(OpenIDSignInError) -> ProviderMetadata {
        if let metadata { return metadata }
        guard let issuerURL = URL(string: settings.issuer), SecureAddress.isAcceptable(issuerURL) else {
            throw .insecureAddress(settings.issuer)
        }
        let base = settings.issuer.hasSuffix("/") ? String(settings.issuer.dropLast()) : settings.issuer
        let url = URL(string: base + "/.well-known/openid-configuration") ?? issuerURL
        let document = try await fetch(url)
        guard let decoded = try? JSONDecoder().decode(ProviderMetadata.self, from: Data(document)) else {
            throw .unreadableDocument(
                url: url.absoluteString,
                reason: "not an OpenID Connect discovery document with issuer, authorization_endpoint, "
                    + "token_endpoint and jwks_uri")
        }
        let checked = try decoded.checked(forConfiguredIssuer: settings.issuer)
        metadata = checked
        return checked
    }

    /// Starts a sign-in: where to send the browser, and the ``PendingSignIn`` to keep on the
    /// server until the browser comes back.
    public func startSignIn(now: Date) async throws(OpenIDSignInError) -> SignInStart {
        let metadata = try await providerMetadata()
        let pending = PendingSignIn(redirectURI: settings.redirectURI, startedAt: now, using: &generator)
        guard
            let url = AuthorizationRequest.url(
                endpoint: metadata.authorizationEndpoint, settings: settings, pending: pending)
        else { throw .insecureAddress(metadata.authorizationEndpoint.absoluteString) }
        return SignInStart(authorizationURL: url, pending: pending)
    }

    /// Finishes the sign-in `pending` started, given the query of the URL the browser came back
    /// to: checks the state, exchanges the code for tokens, and checks the ID token (signature
    /// against the provider's keys, issuer, audience, times, nonce, e-mail). The server forgets
    /// `pending` whatever the outcome.
    public func finishSignIn(
        _ pending: PendingSignIn, callbackQuery: String, now: Date
    ) async throws(OpenIDSignInError) -> VerifiedIdentity {
        guard now.timeIntervalSince(pending.startedAt) <= settings.maximumSignInDuration else {
            throw .signInExpired
        }
        let code = try AuthorizationResponse.code(fromQuery: callbackQuery, pending: pending, issuer: settings.issuer)
        let metadata = try await providerMetadata()
        let request = try TokenExchange.request(code: code, pending: pending, settings: settings, metadata: metadata)
        let response = try await send(request)
        let idToken = try TokenExchange.idToken(from: response, url: metadata.tokenEndpoint)
        let claims = try await verifiedClaims(of: idToken, now: now)
        let checks = IDTokenChecks(
            issuer: settings.issuer, clientID: settings.clientID, nonce: pending.nonce, leeway: settings.clockLeeway)
        return try checks.verifiedIdentity(from: claims, now: now)
    }

    // MARK: The ID token's signature

    /// The token's claims once its signature verifies against the provider's key it names.
    func verifiedClaims(of idToken: String, now: Date) async throws(OpenIDSignInError) -> IDTokenClaims {
        let header = try IDTokenHeader(token: idToken)
        let key = try await signingKey(for: header.keyID, now: now)
        if let keyAlgorithm = key.algorithm?.rawValue, keyAlgorithm != header.algorithm {
            throw .malformedIDToken(
                reason: "its header names \(header.algorithm), but the provider's key is for \(keyAlgorithm)")
        }
        var namedKey = key
        namedKey.keyIdentifier = JWKIdentifier(string: "provider")
        let collection = JWTKeyCollection()
        do {
            try await collection.add(jwk: namedKey)
            // The key is found by its ID above; the collection holds that one key, as its default.
            return try await collection.verify(idToken, as: IDTokenClaims.self)
        } catch let error as JWTError where error.errorType == .signatureVerificationFailed {
            throw .badSignature
        } catch {
            throw .malformedIDToken(reason: "\(error)")
        }
    }

    private func signingKey(for keyID: String?, now: Date) async throws(OpenIDSignInError) -> JWK {
        if let keys = signingKeys, now.timeIntervalSince(keys.fetchedAt) < Self.keyLifetime {
            if let key = keys.key(for: keyID) { return key }
            guard now.timeIntervalSince(keys.fetchedAt) >= Self.keyRefetchInterval else {
                throw .unknownSigningKey(keyID: keyID)
            }
        }
        let keys = try await fetchSigningKeys(now: now)
        guard let key = keys.key(for: keyID) else { throw .unknownSigningKey(keyID: keyID) }
        return key
    }

    private func fetchSigningKeys(now: Date) async throws(OpenIDSignInError) -> SigningKeys {
        let url = try await providerMetadata().jwksURI
        let document = try await fetch(url)
        let keys: SigningKeys
        do {
            keys = try SigningKeys(document: document, fetchedAt: now)
        } catch {
            throw .unreadableDocument(url: url.absoluteString, reason: "not a JSON Web Key Set")
        }
        signingKeys = keys
        return keys
    }

    // MARK: HTTP

    private func fetch(_ url: URL) async throws(OpenIDSignInError) -> [UInt8] {
        let response = try await send(OpenIDHTTPRequest(method: .get, url: url, headers: ["Accept": "application/json"]))
        guard response.status == 200 else { throw .providerStatus(url: url.absoluteString, status: response.status) }
        return response.body
    }

    private func send(_ request: OpenIDHTTPRequest) async throws(OpenIDSignInError) -> OpenIDHTTPResponse {
        do {
            return try await transport.send(request)
        } catch {
            throw .providerUnreachable(url: request.url.absoluteString, reason: "\(error)")
        }
    }
}
