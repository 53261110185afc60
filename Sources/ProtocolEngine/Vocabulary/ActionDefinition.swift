/// Something a protocol step asks someone to do.
///
/// Every county's steps name their actions from one shared list, so that equivalent steps of
/// different counties compare: Marin's "Call Children and Family Services" and Orange County's
/// alternative referral are both `contact-child-welfare`.
public struct ActionDefinition: Sendable, Codable, Equatable, Identifiable {
    public var id: ActionID
    /// A short imperative name, for menus and answer options.
    public var name: String
    /// One sentence a trainee understands.
    public var description: String

    public init(id: ActionID, name: String, description: String) {
        self.id = id
        self.name = name
        self.description = description
    }
}
