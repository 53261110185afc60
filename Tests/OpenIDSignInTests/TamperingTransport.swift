import Foundation
import OpenIDSignIn

/// The server's real transport, with a hand between it and the provider: the ID token of every
/// token response passes through `idToken` (to keep it, or to put another in its place), and the
/// discovery document through `discovery`.
struct TamperingTransport: OpenIDTransport {
    var real: any OpenIDTransport = AsyncHTTPClientTransport()
    var idToken: @Sendable (String) async throws -> String = { $0 }
    var discovery: @Sendable ([String: Any]) -> [String: Any] = { $0 }

    func send(_ request: OpenIDHTTPRequest) async throws -> OpenIDHTTPResponse {
        var response = try await real.send(request)
        guard response.status == 200,
            var object = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
        else { return response }
        if request.url.path.hasSuffix("/.well-known/openid-configuration") {
            object = discovery(object)
        } else if let token = object["id_token"] as? String {
            object["id_token"] = try await idToken(token)
        } else {
            return response
        }
        response.body = Array(try JSONSerialization.data(withJSONObject: object))
        return response
    }
}

/// The ID tokens a transport let through.
actor KeptTokens {
    private(set) var tokens: [String] = []
    func keep(_ token: String) -> String {
        tokens.append(token)
        return token
    }
}
