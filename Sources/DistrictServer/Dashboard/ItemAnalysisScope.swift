import Accounts
import Foundation
import ItemAnalysis

/// Whose answers an administrator's item analysis page covers, from its query (`jurisdiction`,
/// `school`; an empty or missing field chooses the default): one county protocol (the query's,
/// else the server's), and the school the query names or every school for a district
/// administrator. A site administrator's page always covers their own school's records only,
/// whatever the query says; a query naming another school is refused.
enum ItemAnalysisScope {
    /// The scope of the query, or nil when `role` may not see the school it names.
    static func scope(
        for role: AdministratorRole, jurisdiction: String?, school: String?, serverJurisdiction: String
    ) -> AnalysisScope? {
        let jurisdiction = given(jurisdiction) ?? serverJurisdiction
        switch role {
        case .district:
            return AnalysisScope(jurisdiction: jurisdiction, school: given(school))
        case .site(let own):
            if let asked = given(school), !role.covers(school: asked) { return nil }
            return AnalysisScope(jurisdiction: jurisdiction, school: own)
        }
    }

    private static func given(_ field: String?) -> String? {
        field.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
    }
}
