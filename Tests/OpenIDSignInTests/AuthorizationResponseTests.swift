import Foundation
import Testing

@testable import OpenIDSignIn

/// The browser's return, checked before anything is sent to the provider.
struct AuthorizationResponseTests {
    static let pending = PendingSignIn(
        state: "s-123", nonce: "n", codeVerifier: "v", redirectURI: "https://t.example/cb",
        startedAt: Date(timeIntervalSince1970: 0))
    static let issuer = "https://accounts.example"

    struct Case: Sendable, CustomTestStringConvertible {
        let label: String
        let query: String
        let expected: Result<String, OpenIDSignInError>
        var testDescription: String { label }
    }

    static let cases: [Case] = [
        .init(label: "code and state", query: "code=abc&state=s-123", expected: .success("abc")),
        .init(label: "leading question mark", query: "?state=s-123&code=abc", expected: .success("abc")),
        .init(label: "escapes and plus signs", query: "code=a%2Fb+c&state=s-123", expected: .success("a/b c")),
        .init(
            label: "the issuer named (RFC 9207)", query: "code=abc&state=s-123&iss=https%3A%2F%2Faccounts.example",
            expected: .success("abc")),
        .init(label: "another state", query: "code=abc&state=s-124", expected: .failure(.stateMismatch)),
        .init(label: "no state", query: "code=abc", expected: .failure(.stateMismatch)),
        .init(label: "state twice", query: "code=abc&state=s-123&state=s-123", expected: .failure(.stateMismatch)),
        .init(label: "a state prefix", query: "code=abc&state=s-12", expected: .failure(.stateMismatch)),
        .init(
            label: "provider's error", query: "error=access_denied&error_description=The+user+declined&state=s-123",
            expected: .failure(.providerRefused(error: "access_denied", description: "The user declined"))),
        .init(
            label: "an error with another state: its description not repeated",
            query: "error=access_denied&error_description=Call+0800&state=x",
            expected: .failure(.providerRefused(error: "access_denied", description: nil))),
        .init(
            label: "an error without a state", query: "error=access_denied",
            expected: .failure(.providerRefused(error: "access_denied", description: nil))),
        .init(
            label: "an error code with a line break", query: "error=a%0Ab&state=s-123",
            expected: .failure(.providerRefused(error: "an error code that is not valid", description: nil))),
        .init(label: "no code", query: "state=s-123", expected: .failure(.missingAuthorizationCode)),
        .init(label: "code twice", query: "code=a&code=b&state=s-123", expected: .failure(.missingAuthorizationCode)),
        .init(
            label: "another issuer named", query: "code=abc&state=s-123&iss=https%3A%2F%2Fevil.example",
            expected: .failure(.wrongIssuer(expected: issuer, found: "https://evil.example"))),
    ]

    @Test(arguments: cases)
    func returnIsChecked(_ test: Case) {
        let result = Result { () throws(OpenIDSignInError) in
            try AuthorizationResponse.code(fromQuery: test.query, pending: Self.pending, issuer: Self.issuer)
        }
        #expect(result == test.expected)
    }
}
