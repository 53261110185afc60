import Base64URLCoding
import Foundation
import ScenarioEngine
import Testing

@testable import OpenIDSignIn

struct PKCETests {
    /// RFC 7636 appendix B: the verifier of those 32 octets and its S256 challenge.
    @Test func challengeOfTheRFCExample() {
        let octets: [UInt8] = [
            116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191,
            240, 91, 88, 5, 88, 83, 132, 141, 121,
        ]
        let verifier = Base64URL.encode(octets)
        #expect(verifier == "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")
        #expect(PKCE.challenge(forVerifier: verifier) == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
    }

    /// State, nonce and code verifier: 256 bits each from the injected generator, different from
    /// one another, in the verifier's alphabet and length (RFC 7636 §4.1: 43 to 128 characters).
    @Test func secretsComeFromTheInjectedGenerator() {
        var first = SplitMix64(seed: 7)
        var again = SplitMix64(seed: 7)
        var other = SplitMix64(seed: 8)
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let pending = PendingSignIn(redirectURI: "https://a.example/cb", startedAt: start, using: &first)
        #expect(pending == PendingSignIn(redirectURI: "https://a.example/cb", startedAt: start, using: &again))
        #expect(pending != PendingSignIn(redirectURI: "https://a.example/cb", startedAt: start, using: &other))
        let secrets = [pending.state, pending.nonce, pending.codeVerifier]
        #expect(Set(secrets).count == 3)
        let alphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        for secret in secrets {
            #expect(secret.count == 43)
            #expect(secret.allSatisfy(alphabet.contains))
            #expect(Base64URL.decode(secret)?.count == 32)
        }
    }
}
