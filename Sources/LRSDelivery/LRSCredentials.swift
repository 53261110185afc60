import Foundation

/// How the client proves who it is to the LRS: HTTP Basic (xAPI-Communication §4.0), or an
/// OAuth 2 bearer access token (RFC 6750), which xAPI 1.0.3 does not define but LRSs such as
/// Ralph accept. A token read from a file is read again for every request, so a token that
/// something else renews there is picked up without a restart.
public enum LRSCredentials: Sendable, Equatable {
    case basic(username: String, password: String)
    case bearer(token: String)
    case bearerTokenFile(URL)

    /// HTTP Basic.
    public init(username: String, password: String) {
        self = .basic(username: username, password: password)
    }

    /// The `Authorization` header's value.
    public func authorization() throws(LRSCredentialsError) -> String {
        switch self {
        case .basic(let username, let password):
            return "Basic " + Data("\(username):\(password)".utf8).base64EncodedString()
        case .bearer(let token):
            return "Bearer " + (try Self.checked(token, from: nil))
        case .bearerTokenFile(let file):
            guard let data = FileManager.default.contents(atPath: file.path) else {
                throw .tokenFileUnreadable(path: file.path)
            }
            return "Bearer " + (try Self.checked(String(decoding: data, as: UTF8.self), from: file.path))
        }
    }

    /// The token without surrounding white space (a file's last newline); RFC 6750 §2.1 allows
    /// only `token68` characters.
    private static func checked(_ token: String, from path: String?) throws(LRSCredentialsError) -> String {
        let trimmed = token.trimmingCharacters(in: .whitespacesAndNewlines)
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/=")
        guard !trimmed.isEmpty, trimmed.unicodeScalars.allSatisfy(allowed.contains) else {
            throw .malformedToken(path: path)
        }
        return trimmed
    }
}

/// Why no `Authorization` header could be made; what to do is in each message.
public enum LRSCredentialsError: Error, Sendable, Equatable, CustomStringConvertible {
    case tokenFileUnreadable(path: String)
    /// Empty, or with characters a bearer token cannot have (RFC 6750 §2.1); `path` is the file
    /// it came from, if any.
    case malformedToken(path: String?)

    public var description: String {
        switch self {
        case .tokenFileUnreadable(let path):
            "The LRS access token file \(path) cannot be read: check that it exists and that this user may read it."
        case .malformedToken(let path):
            "The LRS access token\(path.map { " in \($0)" } ?? "") is empty or is not a token "
                + "(letters, digits and -._~+/= only, on one line): put only the access token there."
        }
    }
}
