import Base64URLCoding
import Foundation
import Testing

/// A downloaded Open Badges credential (a compact JWS) checked against the 1EdTech Open Badges
/// 3.0 AchievementCredential schema: its payload must validate. Without Python's jsonschema the
/// check is skipped outside CI and fails in it.
public enum OpenBadgesSchemaCheck {
    public static func check(_ token: String) throws {
        let parts = token.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".")
        try #require(parts.count == 3, "a compact JWS has three parts")
        let json = try #require(Base64URL.decode(parts[1]), "the payload is base64url")
        do {
            let errors = try JSONSchemaCheck.errors(
                in: json,
                schema: Fixtures.repositoryRoot.appending(path: "schemas/third-party/ob_v3p0_achievementcredential_schema.json"))
            #expect(errors.isEmpty, "\(errors)")
        } catch let unavailable as JSONSchemaCheck.Unavailable {
            if ProcessInfo.processInfo.environment["CI"] != nil { Issue.record("\(unavailable)") }
        }
    }
}
