import Certificates
import Crypto
import Foundation
import TestSupport
import Testing

/// The Open Badges 3.0 export: building, VC-JWT signing and verifying, did:key, and the official
/// 1EdTech JSON Schema.
@Suite struct OpenBadgeCredentialTests {
    // MARK: Fixtures

    /// Fixed keys (a private key is any 32 bytes), so every run signs the same tokens.
    static let issuerKey = privateKey(repeating: 7)
    static let otherKey = privateKey(repeating: 9)

    static func privateKey(repeating byte: UInt8) -> Curve25519.Signing.PrivateKey {
        do {
            return try Curve25519.Signing.PrivateKey(rawRepresentation: Data(repeating: byte, count: 32))
        } catch {
            fatalError("32 bytes are always an Ed25519 private key: \(error)")
        }
    }

    /// Completed 2026-03-05 14:03:07.654 at -08:00 (Pacific standard time).
    static let details = CertificateDetails(
        traineeName: "Nguyễn Thị Minh",
        courseTitle: "Responding to suspected CSEC and human trafficking: school staff protocol training",
        protocolName: "Marin County (3.1.19), protocol 1 (sha256 3f2a9c)",
        completedAt: Date(timeIntervalSince1970: 1_772_748_187.654),
        utcOffsetSeconds: -8 * 3600,
        scoreText: "92% (11 of 12 points), passed",
        activeSeconds: 1_865,
        recordID: UUID(uuidString: "6F1C2B7E-9A0D-4E5F-8B3C-2D1E0F9A8B7C") ?? UUID(),
        verificationCode: "K7Q2-M9XD",
        legalNote: "Continuation training under EC 51950(f); not an annual mandate.",
        issuerName: "Example Unified School District"
    )

    static func credential(
        validity: OpenBadgeValidity = .oneYearAfterCompletion, key: Curve25519.Signing.PrivateKey = issuerKey
    ) -> OpenBadgeCredential {
        OpenBadgeCredential(details: details, issuerKey: key.publicKey, validity: validity)
    }

    // MARK: Round trip and content

    @Test(arguments: [OpenBadgeValidity.oneYearAfterCompletion, .noExpiry])
    func signedCredentialVerifiesToTheSameCredential(validity: OpenBadgeValidity) async throws {
        let credential = Self.credential(validity: validity)
        let token = try await OpenBadgeJWT.sign(credential, with: Self.issuerKey)
        #expect(try await OpenBadgeJWT.verify(token) == credential)
        #expect(try await OpenBadgeJWT.verify(token, expectedIssuerKey: Self.issuerKey.publicKey) == credential)
        #expect(try await OpenBadgeJWT.sign(credential, with: Self.issuerKey) == token, "Ed25519 is deterministic")
    }

    /// Valid from the completion to one year on; with no expiry, from the completion on.
    @Test func validityPeriod() {
        let completed = Self.details.completedAt
        let year: TimeInterval = 365 * 86_400
        let yearLong = Self.credential(validity: .oneYearAfterCompletion)
        #expect(!yearLong.isValid(at: completed.addingTimeInterval(-60)))
        #expect(yearLong.isValid(at: completed.addingTimeInterval(1)))
        #expect(yearLong.isValid(at: completed.addingTimeInterval(year - 60)))
        #expect(!yearLong.isValid(at: completed.addingTimeInterval(year + 86_400)))
        #expect(Self.credential(validity: .noExpiry).isValid(at: completed.addingTimeInterval(10 * year)))
    }

    @Test func credentialCarriesTheCertificateDetails() throws {
        let credential = Self.credential()
        let did = OpenBadgeDIDKey(publicKey: Self.issuerKey.publicKey).did
        #expect(credential.context == OpenBadgeCredential.standardContext)
        #expect(credential.id == "urn:uuid:6f1c2b7e-9a0d-4e5f-8b3c-2d1e0f9a8b7c")
        #expect(credential.type == ["VerifiableCredential", "OpenBadgeCredential"])
        #expect(credential.issuer == OpenBadgeProfile(id: did, name: "Example Unified School District"))
        #expect(did.hasPrefix("did:key:z6Mk"))
        #expect(credential.validFrom.text == "2026-03-05T14:03:07-08:00")
        #expect(credential.validUntil?.text == "2027-03-05T14:03:07-08:00")
        #expect(credential.name == Self.details.courseTitle)
        let subject = credential.credentialSubject
        #expect(
            subject.identifier == [OpenBadgeIdentityObject(hashed: false, identityHash: "Nguyễn Thị Minh", identityType: "name")])
        #expect(subject.achievement.name == Self.details.courseTitle)
        #expect(subject.achievement.description.contains(Self.details.protocolName))
        #expect(subject.achievement.description.contains(Self.details.legalNote))
        let narrative = try #require(credential.evidence?.first?.narrative)
        for text in [
            "6f1c2b7e-9a0d-4e5f-8b3c-2d1e0f9a8b7c", "K7Q2-M9XD", "92% (11 of 12 points), passed", "31 minutes 5 seconds",
        ] {
            #expect(narrative.contains(text))
        }
        #expect(credential.description?.contains("K7Q2-M9XD") == true)
    }

    @Test func tokenHeaderNamesTheAlgorithmTypeAndIssuerKey() async throws {
        let token = try await OpenBadgeJWT.sign(Self.credential(), with: Self.issuerKey)
        let segments = token.split(separator: ".", omittingEmptySubsequences: false)
        try #require(segments.count == 3)
        let headerJSON = try #require(base64URLDecode(segments[0]))
        let header = try JSONDecoder().decode([String: String].self, from: headerJSON)
        let identity = OpenBadgeDIDKey(publicKey: Self.issuerKey.publicKey)
        #expect(header == ["alg": "EdDSA", "typ": "vc+jwt", "kid": "\(identity.did)#\(identity.multibase)"])
        #expect(String(decoding: headerJSON, as: UTF8.self).hasPrefix(#"{"alg":"EdDSA","kid":"did:key:z6Mk"#))
        // VC-JOSE-COSE: the payload is the credential itself, with no claims added.
        let payload = try #require(base64URLDecode(segments[1]))
        #expect(try JSONDecoder().decode(OpenBadgeCredential.self, from: payload) == Self.credential())
        let keys = try #require(try JSONSerialization.jsonObject(with: payload) as? [String: Any]).keys
        #expect(
            Set(keys).isSubset(of: [
                "@context", "id", "type", "issuer", "validFrom", "validUntil", "name", "description", "credentialSubject",
                "evidence",
            ]))
    }

    @Test func achievementIDIsStablePerCourseAndProtocol() {
        let first = OpenBadgeAchievement.stableID(courseTitle: "Course", protocolName: "Marin (3.1.19)")
        #expect(first == OpenBadgeAchievement.stableID(courseTitle: "Course", protocolName: "Marin (3.1.19)"))
        #expect(first != OpenBadgeAchievement.stableID(courseTitle: "Course", protocolName: "Marin (3.1.20)"))
        #expect(first != OpenBadgeAchievement.stableID(courseTitle: "Course 2", protocolName: "Marin (3.1.19)"))
        let uuid = first.dropFirst("urn:uuid:".count)
        #expect(first.hasPrefix("urn:uuid:") && UUID(uuidString: String(uuid)) != nil && uuid == uuid.lowercased())
        #expect(
            Self.credential().credentialSubject.achievement.id
                == OpenBadgeAchievement.stableID(courseTitle: Self.details.courseTitle, protocolName: Self.details.protocolName))
    }

    // MARK: Tampering and wrong keys

    /// Every byte of a real token, changed two ways (to the next base64url character, which
    /// also tests the unused low bits of the last character of each part, and by flipping its
    /// lowest bit), must fail verification.
    @Test func changingAnyByteOfTheTokenFailsVerification() async throws {
        let token = Array(try await OpenBadgeJWT.sign(Self.credential(), with: Self.issuerKey).utf8)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
        var stillVerified: [String] = []
        for index in token.indices {
            let next = alphabet.firstIndex(of: token[index]).map { alphabet[($0 + 1) % alphabet.count] } ?? UInt8(ascii: "A")
            for replacement in [next, token[index] ^ 0x01] {
                var changed = token
                changed[index] = replacement
                if (try? await OpenBadgeJWT.verify(String(decoding: changed, as: UTF8.self))) != nil {
                    stillVerified.append("byte \(index): \(UnicodeScalar(token[index])) → \(UnicodeScalar(replacement))")
                }
            }
        }
        #expect(token.count > 1_000)
        #expect(stillVerified.isEmpty, "changed tokens that still verified: \(stillVerified)")
    }

    @Test func aOneCharacterChangeInTheCredentialBreaksTheSignature() async throws {
        let token = try await OpenBadgeJWT.sign(Self.credential(), with: Self.issuerKey)
        let segments = token.split(separator: ".").map(String.init)
        let payload = try #require(base64URLDecode(segments[1]))
        let json = try #require(String(data: payload, encoding: .utf8))
        let changedJSON = json.replacingOccurrences(of: "92% (11", with: "98% (11")
        #expect(changedJSON != json)
        let changed = [segments[0], base64URLEncode(Data(changedJSON.utf8)), segments[2]].joined(separator: ".")
        await #expect(throws: OpenBadgeError.signatureDoesNotMatch) { try await OpenBadgeJWT.verify(changed) }
    }

    @Test func aTokenFromAnotherIssuerFailsWhenTheIssuerKeyIsExpected() async throws {
        let token = try await OpenBadgeJWT.sign(Self.credential(key: Self.otherKey), with: Self.otherKey)
        #expect(try await OpenBadgeJWT.verify(token) == Self.credential(key: Self.otherKey))
        await #expect(throws: OpenBadgeError.unexpectedIssuer) {
            try await OpenBadgeJWT.verify(token, expectedIssuerKey: Self.issuerKey.publicKey)
        }
    }

    @Test func signingRefusesACredentialNamingAnotherIssuer() async {
        await #expect(throws: OpenBadgeError.issuerIsNotTheSigningKey) {
            try await OpenBadgeJWT.sign(Self.credential(key: Self.otherKey), with: Self.issuerKey)
        }
    }

    /// Tokens assembled by hand (validly signed by `otherKey`) that the verifier must refuse.
    @Test(arguments: [
        ("EdDSA", "vc+jwt", "other", "issuer", OpenBadgeError.signingKeyDoesNotMatchIssuer),
        ("none", "vc+jwt", "other", "other", .unsupportedSignatureAlgorithm("none")),
        ("EdDSA", "JWT", "other", "other", .unsupportedTokenType("JWT")),
        ("EdDSA", "vc+jwt", "did:web:example.org#key-1", "other", .unrecognizedIssuerKey("did:web:example.org#key-1")),
    ])
    func handMadeTokensAreRefused(alg: String, typ: String, kid: String, issuer: String, error: OpenBadgeError) async throws {
        func identity(_ name: String) -> OpenBadgeDIDKey {
            OpenBadgeDIDKey(publicKey: (name == "issuer" ? Self.issuerKey : Self.otherKey).publicKey)
        }
        let keyID = kid.hasPrefix("did:") ? kid : identity(kid).keyID
        let header = try JSONEncoder().encode(["alg": alg, "typ": typ, "kid": keyID])
        let payload = try JSONEncoder().encode(Self.credential(key: issuer == "issuer" ? Self.issuerKey : Self.otherKey))
        let input = base64URLEncode(header) + "." + base64URLEncode(payload)
        let signature = try Self.otherKey.signature(for: Data(input.utf8))
        await #expect(throws: error) { try await OpenBadgeJWT.verify(input + "." + base64URLEncode(signature)) }
    }

    @Test(arguments: ["", "a.b", "a.b.c.d", "...", "not a token", "eyJhbGciOiJFZERTQSJ9.e30.AAAA"])
    func textThatIsNotATokenIsRefused(text: String) async {
        await #expect(throws: OpenBadgeError.notABadgeToken) { try await OpenBadgeJWT.verify(text) }
    }

    // MARK: did:key

    /// Published vectors. The first (transmute-industries/did-key.js, `did-key-ed25519` README)
    /// gives the private seed, the public key as a JWK `x` and the did:key; the others pair a
    /// did:key with its key's `publicKeyBase58` (Ed25519VerificationKey2018), given here as hex.
    @Test(arguments: [
        (
            "5435c3c2e18a56af75cf153aabbfff8cb0d4abcfc2e5cbb110281dfb57de1531",
            "did:key:z6Mkk7yqnGF3YwTrLpqrW6PGsKci7dNqh1CjnvMbzrMerSeL"
        ),
        (
            // publicKeyBase58 8HH5gYEeNc3z7PYXmd54d4x6qAfCNrqQqEB3nS7Zfu7K (openwallet-foundation/acapy tests)
            "6c2d48b1605684ef94363dc6158eeb6577466e1a36a740f2fc624617edb7712e",
            "did:key:z6MkmjY8GnV5i9YTDtPETC2uUAW6ejw3nk5mXF5yci5ab7th"
        ),
        (
            // publicKeyBase58 B2wUEUMZNLdD8kuVCDQsqLNXtqEZGbna9pDiXs2Fq3Uz (key-resolver crate tests)
            "951409f91bcb93b465e9e7995de1b41155141ef95ef97681470faf8e2f37351f",
            "did:key:z6MkpVCWpibzht7gFFkBsnNigRvXiQWQgV2vqq8eN8zGkGGN"
        ),
    ])
    func didKeyMatchesPublishedVectors(publicKeyHex: String, did: String) throws {
        let key = try Curve25519.Signing.PublicKey(rawRepresentation: try #require(hexBytes(publicKeyHex)))
        let identity = OpenBadgeDIDKey(publicKey: key)
        #expect(identity.did == did)
        #expect(identity.keyID == did + "#" + did.dropFirst("did:key:".count))
        #expect(try OpenBadgeDIDKey(did: did) == identity)
        #expect(try OpenBadgeDIDKey(did: did).publicKey.rawRepresentation == key.rawRepresentation)
    }

    @Test func didKeyFromThePublishedPrivateSeed() throws {
        let seed = try #require(base64URLDecode("T2azVap7CYD_kB8ilbnFYqwwYb5N-GcD6yjGEvquZXg"))
        let key = try Curve25519.Signing.PrivateKey(rawRepresentation: seed)
        #expect(base64URLEncode(key.publicKey.rawRepresentation) == "VDXDwuGKVq91zxU6q7__jLDUq8_C5cuxECgd-1feFTE")
        #expect(OpenBadgeDIDKey(publicKey: key.publicKey).did == "did:key:z6Mkk7yqnGF3YwTrLpqrW6PGsKci7dNqh1CjnvMbzrMerSeL")
    }

    @Test(arguments: [
        "did:key:z6LShLeXRTzevtwcfehaGEzCMyL3bNsAeKCwcqwJxyCo63yE",  // an X25519 key, not Ed25519
        "did:key:z6Mkk7yqnGF3YwTrLpqrW6PGsKci7dNqh1CjnvMbzrMerSe",  // one character short
        "did:key:z6Mkk7yqnGF3YwTrLpqrW6PGsKci7dNqh1CjnvMbzrMerSe0",  // "0" is not base58
        "did:web:example.org", "did:key:", "z6Mkk7yqnGF3YwTrLpqrW6PGsKci7dNqh1CjnvMbzrMerSeL",
    ])
    func didsThatAreNotEd25519KeysAreRefused(did: String) {
        #expect(throws: OpenBadgeError.unrecognizedIssuerKey(did)) { try OpenBadgeDIDKey(did: did) }
    }

    // MARK: Dates

    @Test(arguments: [
        ("2026-03-05T14:03:07-08:00", 1_772_748_187, -28_800),
        ("2026-03-05T22:03:07Z", 1_772_748_187, 0),
        ("2028-02-29T09:30:00+05:30", 1_835_409_600, 19_800),
        ("1969-12-31T23:59:59Z", -1, 0),
    ])
    func dateTimesReadBackWhatTheyWrite(text: String, seconds: Int, offset: Int) throws {
        let dateTime = OpenBadgeDateTime(date: Date(timeIntervalSince1970: TimeInterval(seconds)), utcOffsetSeconds: offset)
        #expect(dateTime.text == text)
        #expect(try OpenBadgeDateTime(text) == dateTime)
    }

    @Test(arguments: [
        "2026-03-05T14:03:07", "2026-03-05T14:03:07.5Z", "2026-02-30T00:00:00Z", "2026-03-05 14:03:07Z",
        "2026-03-05T24:00:00Z", "2026-03-05T14:03:07-0800", "2026-03-05T14:03:07-00:00", "2026-3-05T14:03:07Z",
    ])
    func malformedDateTimesAreRefused(text: String) {
        #expect(throws: OpenBadgeError.invalidDateTime(text)) { try OpenBadgeDateTime(text) }
    }

    @Test func aLeapDayCompletionIsValidUntilTheTwentyEighthOfFebruary() {
        var details = Self.details
        details.completedAt = Date(timeIntervalSince1970: 1_835_409_600)
        details.utcOffsetSeconds = 19_800
        let credential = OpenBadgeCredential(
            details: details, issuerKey: Self.issuerKey.publicKey, validity: .oneYearAfterCompletion)
        #expect(credential.validFrom.text == "2028-02-29T09:30:00+05:30")
        #expect(credential.validUntil?.text == "2029-02-28T09:30:00+05:30")
    }

    // MARK: Errors

    @Test func everyErrorHasAPlainDescription() {
        let errors: [OpenBadgeError] = [
            .notABadgeToken, .unreadableCredential, .unsupportedSignatureAlgorithm("none"), .unsupportedTokenType("JWT"),
            .missingSigningKeyID, .unrecognizedIssuerKey("did:web:x"), .signingKeyDoesNotMatchIssuer, .unexpectedIssuer,
            .signatureDoesNotMatch, .issuerIsNotTheSigningKey, .invalidDateTime("yesterday"), .signingFailed("no memory"),
        ]
        let descriptions = errors.map(\.description)
        #expect(Set(descriptions).count == errors.count)
        #expect(descriptions.allSatisfy { $0.count > 30 && $0.hasSuffix(".") })
    }

    // MARK: The official JSON Schema

    /// The exported payload (the JSON jwt-kit signed) validates against the 1EdTech Open Badges
    /// 3.0 schema; two broken copies do not, so the check is not vacuous.
    @Test(arguments: SchemaCase.allCases)
    func credentialMatchesTheOfficialSchema(schemaCase: SchemaCase) async throws {
        let token = try await OpenBadgeJWT.sign(Self.credential(), with: Self.issuerKey)
        let payload = try #require(base64URLDecode(token.split(separator: ".")[1]))
        var json = try #require(try JSONSerialization.jsonObject(with: payload) as? [String: Any])
        schemaCase.apply(to: &json)
        // Python or its jsonschema missing: JSONSchemaCheck throws, saying what to install. The
        // schema declares Draft 2019-09, which the validator follows.
        let errors = try JSONSchemaCheck.errors(
            in: JSONSerialization.data(withJSONObject: json),
            schema: Fixtures.repositoryRoot.appending(path: "schemas/third-party/ob_v3p0_achievementcredential_schema.json"))
        #expect(errors.isEmpty == schemaCase.isValid, "\(schemaCase): \(errors)")
    }
}

// MARK: Helpers

/// The exported credential, and two broken copies that the schema must reject.
enum SchemaCase: String, CaseIterable, Sendable, CustomStringConvertible {
    case exportedCredential
    case achievementWithoutCriteria
    case issuerWithoutID

    var isValid: Bool { self == .exportedCredential }

    var description: String { rawValue }

    func apply(to json: inout [String: Any]) {
        switch self {
        case .exportedCredential:
            break
        case .achievementWithoutCriteria:
            var subject = json["credentialSubject"] as? [String: Any] ?? [:]
            var achievement = subject["achievement"] as? [String: Any] ?? [:]
            achievement["criteria"] = nil
            subject["achievement"] = achievement
            json["credentialSubject"] = subject
        case .issuerWithoutID:
            var issuer = json["issuer"] as? [String: Any] ?? [:]
            issuer["id"] = nil
            json["issuer"] = issuer
        }
    }
}

private func base64URLEncode(_ data: Data) -> String {
    data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        .replacingOccurrences(of: "=", with: "")
}

private func base64URLDecode(_ text: some StringProtocol) -> Data? {
    var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
    standard += String(repeating: "=", count: (4 - standard.count % 4) % 4)
    return Data(base64Encoded: standard)
}

private func hexBytes(_ hex: String) -> [UInt8]? {
    let digits = Array(hex.utf8)
    guard digits.count.isMultiple(of: 2) else { return nil }
    return stride(from: 0, to: digits.count, by: 2).map { index in
        UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16)
    }.reduce(into: [UInt8]?([])) { result, byte in
        if let byte { result?.append(byte) } else { result = nil }
    }
}
