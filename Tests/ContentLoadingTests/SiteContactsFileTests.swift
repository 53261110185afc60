import Briefing
import ContentLoading
import Foundation
import ProtocolEngine
import TestSupport
import Testing

/// The site contact sheet (docs/site-contacts.md): a good file reads into the site's
/// contacts; each broken one is reported at its line and column with what is wrong.
struct SiteContactsFileTests {
    static let known = ["local-law-enforcement", "child-welfare-services", "probation-department"]

    static let good = """
        format: 1
        site: Lincoln High School
        contacts:
          local-law-enforcement:
            name: Officer Dana Cruz
            phone: (415) 555-0100
            email: dcruz@example.org
          probation-department:
            name: Sam Ortiz
        employee-assistance-program:
          name: District Employee Assistance Program
          phone: 1-800-555-0199

        """

    @Test func aGoodFileReadsWhole() throws {
        let site = try ContentParser.siteContacts(fromYAML: Self.good, fileName: "site.yaml", knownContacts: Self.known)
        #expect(site.siteName == "Lincoln High School")
        #expect(
            site.contacts == [
                SiteContact(
                    id: "local-law-enforcement", name: "Officer Dana Cruz", phone: "(415) 555-0100", email: "dcruz@example.org"),
                SiteContact(id: "probation-department", name: "Sam Ortiz"),
            ])
        #expect(site.employeeAssistance == SupportLine(name: "District Employee Assistance Program", reach: "1-800-555-0199"))
    }

    @Test func onlyTheFormatIsRequired() throws {
        let site = try ContentParser.siteContacts(fromYAML: "format: 1\n", fileName: "site.yaml", knownContacts: Self.known)
        #expect(site == .empty)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var replace: String
        var with: String
        var line: Int
        var column: Int
        var problem: @Sendable (ContentProblem) -> Bool
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "a contact id that is not a box", replace: "  probation-department:", with: "  probaton-department:",
            line: 8, column: 3,
            problem: { $0 == .unknownKey("probaton-department", allowed: SiteContactsFileTests.known) }),
        Case(
            name: "a misspelt key in a contact", replace: "    phone: (415)", with: "    phon: (415)", line: 6, column: 5,
            problem: { if case .unknownKey("phon", _) = $0 { true } else { false } }),
        Case(
            name: "an assistance program without a number", replace: "  phone: 1-800-555-0199\n", with: "", line: 11,
            column: 3,
            problem: { $0 == .missingKey("phone", in: "`employee-assistance-program`") }),
        Case(
            name: "a newer format", replace: "format: 1", with: "format: 2", line: 1, column: 9,
            problem: { $0 == .unsupportedFormat(found: "2", supported: [1]) }),
        Case(
            name: "YAML syntax", replace: "    name: Sam Ortiz", with: "    name: [Sam Ortiz", line: 10, column: 1,
            problem: { if case .yamlSyntax = $0 { true } else { false } }),
    ]

    @Test(arguments: cases)
    func aBrokenFileIsReportedAtItsPlace(_ broken: Case) throws {
        let text = Self.good.replacingOccurrences(of: broken.replace, with: broken.with)
        try #require(text != Self.good, "the case changes nothing")
        do {
            _ = try ContentParser.siteContacts(fromYAML: text, fileName: "site.yaml", knownContacts: Self.known)
            Issue.record("no error for \(broken.name)")
        } catch {
            guard case .invalid(let file, let location, let problem) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(file == "site.yaml")
            #expect(location?.line == broken.line)
            if !(broken.problem(problem)) { Issue.record("unexpected problem: \(problem)") }
            if case .yamlSyntax = problem {} else { #expect(location?.column == broken.column) }
            #expect(error.description.hasPrefix("site.yaml:\(broken.line):"))
        }
    }

    @Test func noSiteFileInTheDataDirectoryIsBlank() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let loaded = try SiteContactsLoader.load(explicit: nil, dataDirectory: directory, knownContacts: Self.known)
        #expect(loaded.contacts == .empty)
        #expect(!loaded.found)
        #expect(loaded.file == directory.appending(path: "site.yaml"))
        try Data(Self.good.utf8).write(to: loaded.file)
        let again = try SiteContactsLoader.load(explicit: nil, dataDirectory: directory, knownContacts: Self.known)
        #expect(again.found)
        #expect(again.contacts.siteName == "Lincoln High School")
    }

    @Test func aGivenSiteFileMustExist() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: ContentError.self) {
            try SiteContactsLoader.load(
                explicit: directory.appending(path: "missing.yaml"), dataDirectory: directory, knownContacts: Self.known)
        }
    }

    @Test func theBundledBriefingTextGivesTheBoxesMarinLeavesBlank() throws {
        let library = try Fixtures.library()
        let text = try Fixtures.content.loadBriefingText(library: library)
        let marin = try #require(library.jurisdiction("marin"))
        let blanks = marin.contacts.filter { $0.phone == nil && $0.web == nil }
        #expect(!blanks.isEmpty)
        #expect(Set(text.siteContactBoxes.map(\.id)) == Set(blanks.map(\.id)))
    }

    @Test func theDocumentedExampleReadsAndFillsEveryBox() throws {
        let library = try Fixtures.library()
        let boxes = try Fixtures.content.loadBriefingText(library: library).siteContactBoxes
        let example = Fixtures.repositoryRoot.appending(path: "docs/examples/site.yaml")
        let site = try ContentParser.siteContacts(
            fromYAML: String(contentsOf: example, encoding: .utf8), fileName: "site.yaml",
            knownContacts: boxes.map(\.id.rawValue))
        #expect(site.contacts.map(\.id) == boxes.map(\.id))
        #expect(site.employeeAssistance != nil)
    }

    @Test func aWhyForAnUnknownActionIsReportedWithASuggestion() throws {
        let library = try Fixtures.library()
        let text = try String(contentsOf: Fixtures.content.briefingFile, encoding: .utf8)
            .replacingOccurrences(of: "\n  call-911:", with: "\n  call-91:")
        do {
            _ = try ContentParser.briefingText(fromYAML: text, fileName: "briefing.yaml", library: library)
            Issue.record("no error")
        } catch {
            let problems = error.all.compactMap { error -> ContentProblem? in
                if case .invalid(_, _, let problem) = error { return problem }
                return nil
            }
            #expect(problems.contains(.unknownAction("call-91", suggestion: "call-911")))
            #expect(problems.contains(.missingKey("call-911", in: "`why`")))
        }
    }
}
