import Foundation

/// What a verified certificate, credential or record shows, in the words of the verdict: who
/// trained, on what, when, and who issued it.
public struct Verdict: Sendable, Equatable {
    /// The trainee's name.
    public var person: String
    /// The training: the course, or the county protocol and its version.
    public var training: String
    /// The day the training was completed, as recorded (`YYYY-MM-DD`).
    public var completedOn: String
    /// The result, when the document gives it: "92%", or "attended" for group attendance.
    public var result: String?
    /// The issuing district or school: the name the key file gives the signing key, else the
    /// name the signed document gives itself.
    public var issuer: String
    /// The id of the key that signed it.
    public var keyID: String
    /// The verification code (certificates and records), when there is one.
    public var verificationCode: String?

    public init(
        person: String, training: String, completedOn: String, result: String? = nil, issuer: String, keyID: String,
        verificationCode: String?
    ) {
        self.person = person
        self.training = training
        self.completedOn = completedOn
        self.result = result
        self.issuer = issuer
        self.keyID = keyID
        self.verificationCode = verificationCode
    }

    /// "Zoë Łukasiewicz-O'Brien, Marin County protocol (3.1.19), completed 2026-09-15, 92%,
    /// issued by Tamalpais Union High School District (key sha256:…), code ABCD-EFGH-JKMN".
    public var text: String {
        "\(person), \(training), completed \(completedOn)" + (result.map { ", \($0)" } ?? "")
            + ", issued by \(issuer) (key \(keyID))" + (verificationCode.map { ", code \($0)" } ?? "")
    }
}
