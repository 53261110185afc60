import Accounts
import Charts
import Completion
import ContentLoading
import DistrictServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ItemAnalysis
import ProtocolEngine
import RecordStore
import Records
import Storage
import TestSupport
import Testing

/// The item analysis page over HTTP: its charts and tables are the application layer's analysis
/// (``RecordStatistics``) of the scope the administrator may see; a site administrator's covers
/// their school's records only, whatever the URL asks; trainees are refused; records that do not
/// verify are counted on the page.
@Suite(.serialized)
struct ItemAnalysisPageTests {
    static let otherSchool = "Tamalpais High School"

    /// Rosa's record (Redwood, the category read right) and Lena's (Tamalpais, the category
    /// misread as another of Marin's): the one misreading is Tamalpais's.
    static func plant(_ fixture: AdministrationFixture) async throws {
        try await fixture.storeRosasRecord()
        let marin = try Fixtures.jurisdiction("marin")
        var lena = SampleRecords.record(
            name: "Lena Park", employeeID: "E-3", school: otherSchool, completed: "2026-09-25T10:30:00-07:00")
        let truth = lena.questions[0].correctOption
        let other = try #require(marin.categories.map { "category:\($0.id.rawValue)" }.first { $0 != truth })
        lena.questions[0].chosenOption = other
        _ = try await fixture.records.saveOnce(lena)
    }

    /// The off-diagonal counts of the confusion table on `page` (each a misreading), summed.
    static func misreadings(on page: String) -> Int {
        let rows = HTMLTable.bodyRows(in: page, id: "confusion-table")
        return rows.enumerated().reduce(0) { total, row in
            total + row.element.dropFirst().enumerated().reduce(0) { $0 + ($1.offset == row.offset ? 0 : Int($1.element) ?? 0) }
        }
    }

    /// The analysis the page must show, from the application layer.
    static func expected(_ fixture: AdministrationFixture, school: String?) async throws -> JurisdictionAnalysis {
        let content = try Fixtures.trainingContent()
        let statistics = RecordStatistics(records: fixture.records, library: content.library, mistakes: content.mistakes)
        let found = try await statistics.analysis(of: AnalysisScope(jurisdiction: "marin", school: school))
        return try #require(found.report.jurisdictions.first)
    }

    @Test func aDistrictAdministratorSeesTheChartsAndTablesOfEverySchoolOrOne() async throws {
        let fixture = try await AdministrationFixture()
        defer { fixture.remove() }
        try await Self.plant(fixture)
        let everyone = try await Self.expected(fixture, school: nil)
        #expect(everyone.records == 2)
        try await fixture.application.test(.router) { client in
            var browser = TestBrowser(client)
            let overview = try await browser.signInAsAdministrator()
            #expect(overview.body.contains(#"href="/admin/item-analysis""#), "linked from the overview")
            let dashboard = try await browser.get("/admin/dashboard")
            #expect(dashboard.body.contains(#"href="/admin/item-analysis""#), "linked from the dashboard")
            let page = try await browser.get("/admin/item-analysis")
            #expect(page.status == .ok)
            #expect(page.body.components(separatedBy: #"<svg xmlns="http://www.w3.org/2000/svg" role="img""#).count == 3)
            #expect(page.body.contains("<title id=\"facility-title\">") && page.body.contains("<title id=\"confusion-title\">"))
            let name = "Marin County"
            let confusion = StatisticsCharts.confusion(everyone, name: name).table
            #expect(HTMLTable.bodyRows(in: page.body, id: "confusion-table") == confusion.rows)
            #expect(
                HTMLTable.bodyRows(in: page.body, id: "facility-table")
                    == StatisticsCharts.facility(everyone, name: name).table.rows)
            #expect(
                HTMLTable.bodyRows(in: page.body, id: "critical-mistakes-table")
                    == StatisticsTables.critical(everyone, name: name).rows)
            for id in ["wrong-options-table", "mistakes-table", "kinds-table", "stages-table"] {
                #expect(page.body.contains(#"<table id="\#(id)">"#), "\(id)")
            }
            #expect(Self.misreadings(on: page.body) == 1)
            #expect(page.body.contains("2 records analysed"))
            #expect(page.body.contains(#"<option value="\#(Self.otherSchool)">"#), "every school may be chosen")

            let one = try await browser.get("/admin/item-analysis?jurisdiction=marin&school=Redwood+High+School")
            #expect(one.status == .ok && one.body.contains("1 record analysed"))
            #expect(Self.misreadings(on: one.body) == 0)
            #expect(one.body.contains(#"<option value="\#(Self.otherSchool)">"#), "the other schools stay offered")
            #expect(one.body.contains(#"<option value="Redwood High School" selected>"#))
            let other = try await browser.get("/admin/item-analysis?school=Tamalpais%20High%20School")
            #expect(Self.misreadings(on: other.body) == 1 && other.body.contains("1 record analysed"))
        }
    }

    /// Sam, the site administrator of Redwood High School, sees the analysis of Redwood's records
    /// only: the misreading at Tamalpais is not in his figures, and asking for Tamalpais by the
    /// query is refused.
    @Test func aSiteAdministratorsAnalysisCoversTheirSchoolOnly() async throws {
        let fixture = try await AdministrationFixture()
        defer { fixture.remove() }
        try await fixture.addSiteAdministrator()
        try await Self.plant(fixture)
        let own = try await Self.expected(fixture, school: AdministrationFixture.siteSchool)
        try await fixture.application.test(.router) { client in
            var browser = TestBrowser(client)
            _ = try await browser.signInAsAdministrator(AdministrationFixture.siteAdministrator)
            for path in [
                "/admin/item-analysis", "/admin/item-analysis?jurisdiction=marin&school=",
                "/admin/item-analysis?school=redwood%20high%20school",
            ] {
                let page = try await browser.get(path)
                #expect(page.status == .ok, "\(path)")
                #expect(page.body.contains("1 record analysed") && Self.misreadings(on: page.body) == 0, "\(path)")
                #expect(
                    HTMLTable.bodyRows(in: page.body, id: "critical-mistakes-table")
                        == StatisticsTables.critical(own, name: "Marin County").rows, "\(path)")
                #expect(!page.body.contains(Self.otherSchool), "\(path): another school is not even offered")
            }
            for path in [
                "/admin/item-analysis?school=Tamalpais%20High%20School",
                "/admin/item-analysis?jurisdiction=marin&school=tamalpais+high+school",
                "/admin/item-analysis?school=Redwood%20High%20School&school=Tamalpais%20High%20School",
            ] {
                let page = try await browser.get(path)
                // Refused, or at most Redwood's own figures: never Tamalpais's.
                #expect(
                    page.status == .forbidden
                        || (page.body.contains("1 record analysed") && Self.misreadings(on: page.body) == 0), "\(path)")
                #expect(!page.body.contains("confusion-table") || Self.misreadings(on: page.body) == 0, "\(path)")
            }
            let refused = try await browser.get("/admin/item-analysis?school=Tamalpais%20High%20School")
            #expect(refused.status == .forbidden && !refused.body.contains("<svg"))
        }
    }

    @Test func traineesAreRefusedAndVisitorsSentToSignIn() async throws {
        let fixture = try await AdministrationFixture()
        defer { fixture.remove() }
        try await Self.plant(fixture)
        let link = try await fixture.invitationPath()
        try await fixture.application.test(.router) { client in
            var visitor = TestBrowser(client)
            let away = try await visitor.get("/admin/item-analysis")
            #expect(away.path == "/admin/sign-in" && !away.body.contains("<svg"))
            var rosa = TestBrowser(client)
            _ = try await rosa.get(link)
            let refused = try await rosa.get("/admin/item-analysis")
            #expect(refused.status == .forbidden && !refused.body.contains("<svg"))
        }
    }

    @Test func anUnknownCountyIsNotFound() async throws {
        let fixture = try await AdministrationFixture()
        defer { fixture.remove() }
        try await fixture.application.test(.router) { client in
            var browser = TestBrowser(client)
            _ = try await browser.signInAsAdministrator()
            let page = try await browser.get("/admin/item-analysis?jurisdiction=atlantis")
            #expect(page.status == .notFound)
            let empty = try await browser.get("/admin/item-analysis")
            #expect(empty.status == .ok && empty.body.contains("0 records analysed") && !empty.body.contains("<svg"))
        }
    }

    /// A record altered on the disk is left out of every figure and counted on the page.
    @Test func recordsThatDoNotVerifyAreCountedNotDropped() async throws {
        let fixture = try await AdministrationFixture()
        defer { fixture.remove() }
        try await Self.plant(fixture)
        let folder = fixture.store.directory
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
        let lenas = try #require(
            try files.first { try String(contentsOf: folder.appending(path: $0), encoding: .utf8).contains("Lena Park") })
        let file = folder.appending(path: lenas)
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacing("Lena Park", with: "Lena Parks").write(to: file, atomically: true, encoding: .utf8)
        try await fixture.application.test(.router) { client in
            var browser = TestBrowser(client)
            _ = try await browser.signInAsAdministrator()
            let page = try await browser.get("/admin/item-analysis")
            #expect(page.status == .ok)
            #expect(page.body.contains("1 record analysed. 1 record does not verify"), "\(page.body)")
            #expect(Self.misreadings(on: page.body) == 0, "the altered record's misreading is not counted")
        }
    }
}
