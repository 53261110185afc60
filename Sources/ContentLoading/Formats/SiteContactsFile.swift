import Briefing
import ProtocolEngine

/// A site's contact sheet as written (format 1): `site.yaml` in the data directory, or a file
/// given by path. See docs/site-contacts.md.
struct SiteContactsFile: Decodable {
    static let supportedFormats = [1]

    var site: String?
    var contacts: [(id: String, value: Entry)]
    var employeeAssistance: Entry?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case format, site, contacts, employeeAssistanceProgram = "employee-assistance-program"
    }

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(besides: CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        _ = try container.decode(Int.self, forKey: .format)
        site = try container.decodeIfPresent(String.self, forKey: .site)
        contacts = try container.decodeIfPresent(Contacts.self, forKey: .contacts)?.entries ?? []
        employeeAssistance = try container.decodeIfPresent(Entry.self, forKey: .employeeAssistanceProgram)
    }

    /// The `contacts:` mapping, by contact id, in file order.
    struct Contacts: Decodable {
        var entries: [(id: String, value: Entry)]

        init(from decoder: any Decoder) throws {
            entries = try decoder.container(keyedBy: IDKey.self).entries(Entry.self)
        }
    }

    /// One contact: who, and how to reach them. Every key is optional; a box left empty prints blank.
    struct Entry: Decodable {
        var name: String?
        var phone: String?
        var email: String?

        enum CodingKeys: String, CodingKey, CaseIterable { case name, phone, email }

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(besides: CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decodeIfPresent(String.self, forKey: .name)
            phone = try container.decodeIfPresent(String.self, forKey: .phone)
            email = try container.decodeIfPresent(String.self, forKey: .email)
        }
    }

    /// Checks the contact ids against the boxes a sheet can have and builds the site's contacts.
    func validated(knownContacts: [String], in document: YAMLDocument) throws(ContentError) -> SiteContacts {
        var problems = ProblemCollector(document: document)
        for (id, _) in contacts where !knownContacts.contains(id) {
            problems.report(.unknownKey(id, allowed: knownContacts), at: DocumentPath() / "contacts" / id)
        }
        let assistance = employeeAssistance.flatMap { entry -> SupportLine? in
            let reach = [entry.phone, entry.email].compactMap { $0 }.joined(separator: " or ")
            guard let name = entry.name, !reach.isEmpty else {
                problems.report(
                    .missingKey(entry.name == nil ? "name" : "phone", in: "`employee-assistance-program`"),
                    at: DocumentPath() / "employee-assistance-program")
                return nil
            }
            return SupportLine(name: name, reach: reach)
        }
        try problems.finish()
        return SiteContacts(
            siteName: site,
            contacts: contacts.map {
                SiteContact(id: ContactID($0.id), name: $0.value.name, phone: $0.value.phone, email: $0.value.email)
            },
            employeeAssistance: assistance)
    }
}
