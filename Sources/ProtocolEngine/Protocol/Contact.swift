/// A contact printed on a protocol. Phone numbers are kept exactly as printed.
public struct Contact: Sendable, Codable, Equatable, Identifiable {
    public var id: ContactID
    public var name: String
    public var phone: String?
    public var web: String?

    public init(id: ContactID, name: String, phone: String? = nil, web: String? = nil) {
        self.id = id
        self.name = name
        self.phone = phone
        self.web = web
    }
}
