import Foundation
import OpenIDSignIn

/// A provider in memory for the unit tests of the relying party: a discovery document for
/// `https://op.example`, the key set it is given, and a token endpoint that answers with the
/// ID token it is given. It records every request.
actor FakeProvider: OpenIDTransport {
    static let issuer = "https://op.example"
    var keySet: [UInt8]
    var idToken = ""
    var authMethods: [String]?
    private(set) var requests: [OpenIDHTTPRequest] = []

    init(keySet: [UInt8], authMethods: [String]? = nil) {
        self.keySet = keySet
        self.authMethods = authMethods
    }

    var keySetFetches: Int { requests.filter { $0.url.path == "/keys" }.count }

    func publish(_ keySet: [UInt8]) { self.keySet = keySet }
    func issue(_ idToken: String) { self.idToken = idToken }

    func send(_ request: OpenIDHTTPRequest) async throws -> OpenIDHTTPResponse {
        requests.append(request)
        switch (request.method, request.url.path) {
        case (.get, "/.well-known/openid-configuration"):
            var document: [String: Any] = [
                "issuer": Self.issuer, "authorization_endpoint": "\(Self.issuer)/authorize",
                "token_endpoint": "\(Self.issuer)/token", "jwks_uri": "\(Self.issuer)/keys",
            ]
            if let authMethods { document["token_endpoint_auth_methods_supported"] = authMethods }
            return OpenIDHTTPResponse(status: 200, body: Array(try JSONSerialization.data(withJSONObject: document)))
        case (.get, "/keys"):
            return OpenIDHTTPResponse(status: 200, body: keySet)
        case (.post, "/token"):
            let reply = ["access_token": "at", "token_type": "Bearer", "id_token": idToken]
            return OpenIDHTTPResponse(status: 200, body: Array(try JSONSerialization.data(withJSONObject: reply)))
        default:
            return OpenIDHTTPResponse(status: 404, body: [])
        }
    }
}
