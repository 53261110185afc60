import Accounts

/// The administrator a request of the administrators' area is made by: their name, and their
/// role as the accounts hold it when the request arrives.
struct SignedInAdministrator: Sendable, Hashable {
    var name: String
    var role: AdministratorRole

    /// The role as audit lines name it: "as district administrator".
    var auditWords: String { "as \(role.words)" }
}
