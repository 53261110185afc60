import Foundation
import Records

/// How a trainee becomes an xAPI Agent: an account on the district's system named by the
/// employee id when there is one, else the email address (`mbox`), else an account named by
/// the normalized name (as the records identify a person: lowercase, spaces collapsed). The
/// person's name is written only when asked (cmi5 advises against personal data in statements).
public struct ActorPolicy: Sendable, Equatable {
    /// The district's web address: the `homePage` of the accounts.
    public var homePage: URL
    public var includesNames: Bool

    public init(homePage: URL, includesNames: Bool = false) {
        self.homePage = homePage
        self.includesNames = includesNames
    }

    public func agent(for trainee: Trainee) -> Agent {
        let name = includesNames ? trainee.name : nil
        if let employeeID = Self.trimmed(trainee.employeeID) {
            return Agent(name: name, account: Account(homePage: homePage.absoluteString, name: employeeID))
        }
        if let email = Self.trimmed(trainee.email) {
            return Agent(name: name, mbox: "mailto:" + email)
        }
        let normalized = trainee.name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return Agent(name: name, account: Account(homePage: homePage.absoluteString, name: "name:" + normalized))
    }

    private static func trimmed(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }
}
