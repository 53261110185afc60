import Foundation
import TestSupport
import Testing

@testable import Certificates

/// The mail-merge file, read back by an independent CSV reader (Python's `csv` module, as
/// strict as a spreadsheet about quoting): every cell comes back as written.
@Suite(
    "Invitation mail-merge CSV",
    .enabled(
        if: Program.locate("python3") != nil || ProcessInfo.processInfo.environment["CI"] != nil,
        "python3 is not installed (Debian: python3)"))
struct InvitationMailMergeCSVTests {
    /// Names that need quoting, or could be taken for something else.
    static let awkwardNames = [
        "Okafor, Sam", #"Robert "Bobby" Tables"#, "Ana\nRuiz", "Line\r\nBreak, \"Quoted\"", "José Núñez",
        "Nguyễn Thị Minh", "Zoë Łukasiewicz-O'Brien",
    ]

    @Test("Names with commas, quotes and line breaks come back whole", arguments: awkwardNames)
    func roundTrip(name: String) throws {
        let entries = [
            InvitationSheetSample.entry(name, email: "sam@example.org", school: "Lincoln \"Lions\" High, Main"),
            InvitationSheetSample.entry("Bea Chen", role: nil),
        ]
        let rows = try Self.read(InvitationMailMergeCSV(timeZone: InvitationSheetSample.timeZone).text(entries))
        let expected = entries.sortedForSheet().map { entry in
            [
                entry.name, entry.employeeID ?? "", entry.email ?? "", entry.school, entry.role ?? "", entry.link.absoluteString,
                "December 14, 2026, 5:00 PM PST",
            ]
        }
        #expect(rows == [InvitationMailMergeCSV.columns] + expected)
    }

    @Test("A name a spreadsheet would take for a formula is kept as text")
    func formulaIsText() throws {
        let entry = InvitationSheetSample.entry("=HYPERLINK(\"http://evil.example\")")
        let rows = try Self.read(InvitationMailMergeCSV(timeZone: InvitationSheetSample.timeZone).text([entry]))
        #expect(rows.last?.first == "'" + entry.name)
    }

    @Test("Rows come in sheet order: by school, then by name")
    func rowsInSheetOrder() throws {
        let staff = InvitationSheetSample.staff(30)
        let rows = try Self.read(InvitationMailMergeCSV(timeZone: InvitationSheetSample.timeZone).text(staff.reversed()))
        #expect(rows.dropFirst().map { $0[5] } == staff.sortedForSheet().map(\.link.absoluteString))
        #expect(rows.dropFirst().map { $0[0] } != staff.map(\.name))
    }

    @Test(
        "The expiry is written in the district's time zone",
        arguments: [
            ("America/Los_Angeles", "December 14, 2026, 5:00 PM PST"), ("UTC", "December 15, 2026, 1:00 AM GMT"),
        ])
    func expiryInTimeZone(identifier: String, expected: String) async throws {
        let timeZone = try #require(TimeZone(identifier: identifier))
        let rows = try Self.read(InvitationMailMergeCSV(timeZone: timeZone).text([InvitationSheetEntry.sample]))
        #expect(rows.last?.last == expected)
    }

    /// The rows Python's csv module reads in `text`.
    private static func read(_ text: String) throws -> [[String]] {
        let script =
            "import csv, io, json, sys; "
            + "print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.buffer.read().decode('utf-8'), newline='')))))"
        let python = try #require(Program.locate("python3"), "python3 is not installed (Debian: python3)")
        let result = try Program.run(python, ["-c", script], input: text)
        try #require(result.status == 0, "python3 could not read the CSV:\n\(result.error)")
        return try JSONDecoder().decode([[String]].self, from: Data(result.output.utf8))
    }
}

extension InvitationSheetEntry {
    fileprivate static let sample = InvitationSheetSample.entry("José Núñez")
}
