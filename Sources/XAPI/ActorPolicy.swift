import Crypto
import Foundation
import Records

/// How a trainee becomes an xAPI Agent, identified by exactly one of (xAPI-Data §2.4.2.3):
/// an account on the district's system named by the employee id when there is one; else the
/// email address, as `mbox` only when names and addresses are asked for and as its SHA-1
/// (`mbox_sha1sum`) otherwise; else an account named by a pseudonym, a keyed hash of how the
/// records tell people apart (``Records/PersonKey``), the same in every statement of this
/// installation and meaningless without its key, never the name. The person's name is written
/// only when asked (cmi5 advises against personal data in statements).
public struct ActorPolicy: Sendable {
    /// The district's web address: the `homePage` of the accounts.
    public var homePage: URL
    /// Whether names and email addresses are written.
    public var includesNames: Bool
    /// The key of the pseudonyms, derived from a secret of the installation.
    private let pseudonymKey: SymmetricKey

    /// `secret` is secret to the installation (bytes derived from its private key): the
    /// pseudonyms' key is derived from it (HKDF-SHA256), so that a pseudonym cannot be
    /// recomputed from a list of staff names without it.
    public init(homePage: URL, includesNames: Bool = false, pseudonymSecret secret: some ContiguousBytes) {
        // One spelling of the district's address, so that `https://d.org` and `https://d.org/` name
        // the same accounts.
        self.homePage = homePage.path == "/" ? URL(string: String(homePage.absoluteString.dropLast())) ?? homePage : homePage
        self.includesNames = includesNames
        pseudonymKey = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: secret), info: Data("csec-trainer xAPI pseudonyms v1".utf8),
            outputByteCount: 32)
    }

    public func agent(for trainee: Trainee) -> Agent {
        let name = includesNames ? trainee.name : nil
        if let employeeID = Self.trimmed(trainee.employeeID) {
            return Agent(name: name, account: Account(homePage: homePage.absoluteString, name: employeeID))
        }
        if let email = Self.trimmed(trainee.email) {
            let mailbox = "mailto:" + email
            return includesNames
                ? Agent(name: name, mbox: mailbox)
                : Agent(mboxSHA1Sum: Insecure.SHA1.hash(data: Data(mailbox.utf8)).map { String(format: "%02x", $0) }.joined())
        }
        return Agent(name: name, account: Account(homePage: homePage.absoluteString, name: pseudonym(of: trainee)))
    }

    /// `person:` and 32 hex digits of the HMAC-SHA256 of the person's key.
    func pseudonym(of trainee: Trainee) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data(PersonKey(trainee).value.utf8), using: pseudonymKey)
        return "person:" + code.prefix(16).map { String(format: "%02x", $0) }.joined()
    }

    private static func trimmed(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }
}
