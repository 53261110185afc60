import Records

/// What an administrator may see: a **district** administrator sees every school; a **site**
/// administrator sees the people and records of their own school only.
///
/// An account stores the school of a site administrator, and no school for a district
/// administrator, so accounts added before roles existed are district administrators.
public enum AdministratorRole: Sendable, Hashable {
    case district
    /// The administrator of `school` (as the roster names it; case and extra spaces ignored).
    case site(school: String)

    /// The role of an account that stores `school` (nil: the district).
    public init(school: String?) {
        self = school.map { .site(school: $0) } ?? .district
    }

    /// The site administrator's school; nil for a district administrator.
    public var school: String? {
        switch self {
        case .district: nil
        case .site(let school): school
        }
    }

    /// Whether this administrator may see the people of `school` (nil: a person without one,
    /// whom only the district sees).
    public func covers(school other: String?) -> Bool {
        switch self {
        case .district: true
        case .site(let school): other.map { MatchingText.folded($0) == MatchingText.folded(school) } ?? false
        }
    }

    /// In words, for the pages and the audit log: "district administrator", "site administrator
    /// of Lincoln High".
    public var words: String {
        switch self {
        case .district: "district administrator"
        case .site(let school): "site administrator of \(school)"
        }
    }
}
