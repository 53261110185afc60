import Foundation
import Records

/// An administrator of the district server, added at the command line: a name, the bcrypt
/// hash of their password (never the password), and the school of a site administrator.
public struct AdministratorAccount: Sendable, Codable, Hashable {
    public var name: String
    /// The bcrypt hash (`$2b$12$…`), salt and cost included.
    public var passwordHash: String
    public var addedAt: Date
    /// The school a site administrator sees; nil for a district administrator (and for every
    /// account added before roles existed). Left out of JSON when nil.
    public var school: String?

    public init(name: String, passwordHash: String, addedAt: Date, school: String? = nil) {
        self.name = name
        self.passwordHash = passwordHash
        self.addedAt = addedAt
        self.school = school
    }

    /// What the administrator may see: the district, or their school.
    public var role: AdministratorRole { AdministratorRole(school: school) }

    /// The name as sign-ins match it: case and extra spaces ignored.
    public var nameKey: String { MatchingText.folded(name) }

    /// The longest name, in characters.
    public static let longestName = 64
    /// The shortest password, in characters.
    public static let shortestPassword = 12
    /// The longest password, in UTF-8 bytes: bcrypt reads no further than 72.
    public static let longestPassword = 72

    /// `name` with spaces around it removed, or why it cannot name an administrator.
    public static func checkedName(_ name: String) throws(AccountError) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= longestName,
            !trimmed.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) })
        else { throw .unusableAdministratorName(name) }
        return trimmed
    }

    /// `school` with spaces around it removed (nil for none), or why it cannot name a site
    /// administrator's school.
    public static func checkedSchool(_ school: String?) throws(AccountError) -> String? {
        guard let school else { return nil }
        let trimmed = school.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty,
            !trimmed.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) })
        else { throw .unusableSchool(school) }
        return trimmed
    }

    /// Throws when `password` is too short or too long for bcrypt.
    public static func checkPassword(_ password: String) throws(AccountError) {
        guard password.count >= shortestPassword else { throw .passwordTooShort(minimum: shortestPassword) }
        guard password.utf8.count <= longestPassword else { throw .passwordTooLong(maximumBytes: longestPassword) }
    }
}
