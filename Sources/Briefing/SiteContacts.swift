import ProtocolEngine

/// One site's own contacts, filled in once (the boxes a printed protocol leaves blank for the
/// school: local law enforcement, child welfare, probation, a victim advocate) and the
/// district's employee assistance program.
public struct SiteContacts: Sendable, Equatable {
    /// The school or district, as it should be printed.
    public var siteName: String?
    public var contacts: [SiteContact]
    /// The district's employee assistance program, offered with the content note.
    public var employeeAssistance: SupportLine?

    public init(siteName: String? = nil, contacts: [SiteContact] = [], employeeAssistance: SupportLine? = nil) {
        self.siteName = siteName
        self.contacts = contacts
        self.employeeAssistance = employeeAssistance
    }

    /// No site file: every box blank, no employee assistance line.
    public static let empty = SiteContacts()

    public func contact(_ id: ContactID) -> SiteContact? {
        contacts.first { $0.id == id }
    }
}

/// A filled-in box of the site contact sheet.
public struct SiteContact: Sendable, Equatable, Identifiable {
    public var id: ContactID
    public var name: String?
    public var phone: String?
    public var email: String?

    public init(id: ContactID, name: String? = nil, phone: String? = nil, email: String? = nil) {
        self.id = id
        self.name = name
        self.phone = phone
        self.email = email
    }

    /// "Officer Dana Cruz, (415) 555-0100, dcruz@example.org": what is filled in, in order.
    public var filledIn: String {
        [name, phone, email].compactMap { $0 }.joined(separator: ", ")
    }
}
