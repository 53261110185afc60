import Accounts
import Completion
import ContentLoading
import Hummingbird
import ItemAnalysis
import ProtocolEngine
import Storage

/// The item analysis of the administrators' area (``ItemAnalysisPage``), from the application
/// layer's ``RecordStatistics`` (the analysis `records stats` writes):
///
/// - `GET /admin/item-analysis[?jurisdiction=…&school=…]`: one county protocol's analysis (the
///   server's unless the query names another loaded one), of one school or every school.
///
/// A site administrator's analysis covers their own school's records only (``ItemAnalysisScope``);
/// a query naming another school is refused (403). An unknown county protocol is 404.
extension DistrictServer {
    func addItemAnalysisRoutes(to router: Router<DistrictRequestContext>) {
        router.get("/admin/item-analysis") { request, context in
            let query = request.formQuery
            return try await asAdministrator(context) { session, administrator in
                guard
                    let scope = ItemAnalysisScope.scope(
                        for: administrator.role, jurisdiction: query["jurisdiction"], school: query["school"],
                        serverJurisdiction: jurisdiction.id.rawValue)
                else { return Self.otherSchool(administrator, session: session) }
                let library = training.content.library
                guard let id = scope.jurisdiction, library.jurisdiction(id) != nil else {
                    return PageResponse.page(ErrorPages.notFound(), status: .notFound)
                }
                let found = try await itemAnalysis(of: scope)
                // The schools to choose from: those of the county's records (as stored, as the scope compares them).
                var schools: [String]?
                if administrator.role == .district {
                    var every = found.analysis
                    if scope.school != nil { every = try await itemAnalysis(of: AnalysisScope(jurisdiction: id)).analysis }
                    schools = Set((every?.criticalMistakes ?? []).map(\.school).filter { !$0.isEmpty })
                        .sorted { ($0.lowercased(), $0) < ($1.lowercased(), $1) }
                }
                let content = ItemAnalysisPage.Content(
                    scope: scope, analysis: found.analysis, unverified: found.unverified,
                    jurisdictions: library.protocols.map { ($0.id.rawValue, $0.name) }, schools: schools)
                return PageResponse.page(ItemAnalysisPage.page(content, role: administrator.role, session: session))
            }
        }
    }

    /// The analysis of `scope`'s one jurisdiction (nil when none of its records is in scope), and
    /// the count of records left out because they do not verify.
    private func itemAnalysis(of scope: AnalysisScope) async throws -> (analysis: JurisdictionAnalysis?, unverified: Int) {
        let statistics = RecordStatistics(
            records: training.records, library: training.content.library, mistakes: training.content.mistakes)
        do {
            let found = try await statistics.analysis(of: scope)
            return (found.report.jurisdictions.first { $0.jurisdiction == scope.jurisdiction }, found.problems.count)
        } catch {
            switch error {
            // Read as every unreadable store is: the administrators' area's 503 page.
            case .storage(let storage): throw storage
            case .unknownJurisdiction, .cannotWrite: throw error
            }
        }
    }
}
