import AsyncHTTPClient
import Foundation
import Hummingbird
import NIOCore
import NIOHTTP1

/// The LMS's part of a cmi5 launch (cmi5 §8 and §10), in front of a real learning record store
/// that has no State API (Ralph): on the same origin as the assignable unit, it
/// - hands out the auth token once at `POST /fetch/<key>` (a second fetch gets error code 1);
/// - answers `GET /xapi/activities/state?stateId=LMS.LaunchData…` with the launch data it built,
///   and refuses (403, recorded as a violation) any write to the State API;
/// - answers `GET /xapi/agents/profile` with 404 (no learner preferences);
/// - passes `/xapi/statements` (POST, and GET with its query) on to the record store with the
///   store's own credentials in place of the token (a request without the token is refused with
///   401 and recorded);
/// - counts the visits to `/returned`, the `returnURL` its launch data give.
actor CMI5TestLMS {
    struct Launch: Sendable {
        var key: String
        var token: String
        var actor: String
        var registration: String
        var activityID: String
        var launchData: Data
    }

    /// Where statements go, and the `Authorization` value the store takes.
    let storeStatements: String
    let storeAuthorization: String
    private(set) var launch: Launch?
    /// Auth-token fetches for the launch prepared last.
    private(set) var fetches = 0
    /// How many times the AU's window or frame reached `/returned`.
    private(set) var returns = 0
    /// How many times the AU read statements back.
    private(set) var queries = 0
    private(set) var violations: [String] = []
    /// The statements the AU sent, in the order they arrived.
    private(set) var sent: [Data] = []

    init(storeStatements: String, storeAuthorization: String) {
        self.storeStatements = storeStatements
        self.storeAuthorization = storeAuthorization
    }

    /// Prepares the next launch (of the same registration or another); its token may be fetched once.
    func prepare(_ launch: Launch) {
        self.launch = launch
        fetches = 0
    }

    private func returned() { returns += 1 }

    private func queried() { queries += 1 }

    private func violation(_ text: String) { violations.append(text) }

    private func fetched(key: String) -> [String: String] {
        fetches += 1
        guard let launch, key == launch.key else { return ["error-code": "3", "error-text": "unknown launch"] }
        if fetches > 1 { return ["error-code": "1", "error-text": "the auth token was already fetched"] }
        return ["auth-token": launch.token]
    }

    private func authorized(_ request: Request) -> Bool {
        request.headers[.authorization] == launch.map { "Basic \($0.token)" }
    }

    private func record(_ body: Data) { sent.append(body) }

    /// Adds the LMS's routes to `router`.
    nonisolated func routes(_ router: Router<BasicRequestContext>) {
        router.post("/fetch/:key") { _, context -> Response in
            let key = try context.parameters.require("key")
            return Self.json(await self.fetched(key: key))
        }
        router.get("/xapi/activities/state") { request, _ -> Response in
            guard await self.authorized(request) else { return await self.refuse(request, .unauthorized) }
            guard let launch = await self.launch else { return Response(status: .notFound) }
            let query = request.uri.queryParameters
            guard query["stateId"] == "LMS.LaunchData", query["registration"].map(String.init) == launch.registration,
                query["activityId"].map(String.init) == launch.activityID
            else {
                await self.violation("GET \(request.uri): not the launch's LMS.LaunchData")
                return Response(status: .notFound)
            }
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: launch.launchData)))
        }
        for method in [HTTPRequest.Method.put, .post, .delete] {
            router.on("/xapi/activities/state", method: method) { request, _ -> Response in
                await self.refuse(request, .forbidden)
            }
        }
        router.get("/xapi/agents/profile") { _, _ -> Response in Response(status: .notFound) }
        router.post("/xapi/statements") { request, _ -> Response in
            guard await self.authorized(request) else { return await self.refuse(request, .unauthorized) }
            let body = Data(try await request.body.collect(upTo: 1 << 20).readableBytesView)
            await self.record(body)
            return try await self.forward(body, version: request.headers[.init("X-Experience-API-Version")!])
        }
        router.get("/xapi/statements") { request, _ -> Response in
            guard await self.authorized(request) else { return await self.refuse(request, .unauthorized) }
            await self.queried()
            return try await self.forward(query: request.uri.query ?? "")
        }
        router.get("/returned") { _, _ -> Response in
            await self.returned()
            let page = "<!doctype html><html lang=\"en\"><title>Course</title><h1>The course</h1></html>"
            return Response(
                status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: page)))
        }
    }

    private func refuse(_ request: Request, _ status: HTTPResponse.Status) -> Response {
        violations.append("\(request.method) \(request.uri): \(status.code)")
        return Response(status: status)
    }

    /// POSTs `body` to the record store, answering with its status and body.
    private nonisolated func forward(_ body: Data, version: String?) async throws -> Response {
        var request = HTTPClientRequest(url: storeStatements)
        request.method = .POST
        request.headers.add(name: "Authorization", value: storeAuthorization)
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "X-Experience-API-Version", value: version ?? "1.0.3")
        request.body = .bytes(ByteBuffer(bytes: body))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let reply = try await response.body.collect(upTo: 1 << 20)
        return Response(
            status: HTTPResponse.Status(code: Int(response.status.code)), headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: reply))
    }

    /// GETs the record store's statements with `query`, answering with its status and body.
    private nonisolated func forward(query: String) async throws -> Response {
        var request = HTTPClientRequest(url: query.isEmpty ? storeStatements : "\(storeStatements)?\(query)")
        request.headers.add(name: "Authorization", value: storeAuthorization)
        request.headers.add(name: "X-Experience-API-Version", value: "1.0.3")
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let reply = try await response.body.collect(upTo: 64 << 20)
        return Response(
            status: HTTPResponse.Status(code: Int(response.status.code)), headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: reply))
    }

    private static func json(_ value: [String: String]) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: value)) ?? Data()
        return Response(
            status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
