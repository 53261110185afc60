import Foundation
import Records
import Testing

/// Reading staff.csv as spreadsheets save it, and saying which line to fix when it is wrong.
struct StaffCSVTests {
    func read(_ text: String) -> StaffCSVReading {
        StaffCSV.read(Data(text.utf8), file: "staff.csv")
    }

    struct EndingCase: Sendable, CustomTestStringConvertible {
        var name: String
        var ending: String
        var testDescription: String { name }
    }

    @Test(arguments: [
        EndingCase(name: "LF", ending: "\n"), EndingCase(name: "CRLF", ending: "\r\n"), EndingCase(name: "CR", ending: "\r"),
    ])
    func everyLineEndingReadsTheSame(_ example: EndingCase) throws {
        let lines = [
            "Employee ID,Name,Email,School,Role,Hire Date", "E-1,Ana Ruiz,ana@example.org,Lincoln High,teacher,2026-09-01",
            "E-2,Kim Lee,,Hoover Middle,,", "", "E-3,Sam Okafor,,Hoover Middle,counselor,8/3/2026",
        ]
        let reading = read(lines.joined(separator: example.ending) + example.ending)
        #expect(reading.problems == [])
        #expect(
            reading.staff == [
                StaffMember(
                    employeeID: "E-1", name: "Ana Ruiz", email: "ana@example.org", school: "Lincoln High", role: "teacher",
                    hireDate: CalendarDate("2026-09-01")),
                StaffMember(employeeID: "E-2", name: "Kim Lee", school: "Hoover Middle"),
                StaffMember(
                    employeeID: "E-3", name: "Sam Okafor", school: "Hoover Middle", role: "counselor",
                    hireDate: CalendarDate("2026-08-03")),
            ])
    }

    @Test func aByteOrderMarkIsNotPartOfTheFirstHeader() throws {
        let reading = StaffCSV.read(
            Data([0xEF, 0xBB, 0xBF]) + Data("employee_id,name,school\r\nE-1,Ana,Lincoln\r\n".utf8), file: "s.csv")
        #expect(reading.problems == [] && reading.staff.map(\.employeeID) == ["E-1"])
    }

    @Test(arguments: ["Employee ID", "employee_id", "EMPLOYEE-ID", " employeeId ", "Employee_ID"])
    func headersAreMatchedIgnoringCaseSpacesUnderscoresAndHyphens(_ header: String) throws {
        let reading = read("\(header),NAME,School,hire_date,e-mail,District\nE-1,Ana,Lincoln,,a@b.org,Tamalpais\n")
        #expect(reading.problems == [])
        #expect(reading.staff.first?.email == "a@b.org" && reading.staff.first?.district == "Tamalpais")
    }

    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() throws {
        let text = """
            employee id,name,school,role
            "E-1","Ruiz, Ana","Lincoln ""Lions"" High",teacher
            E-2,"Kim
            Lee",Hoover,counselor
            E-3,Sam,Hoover,
            """
        let reading = read(text)
        #expect(reading.problems == [])
        #expect(reading.staff.map(\.name) == ["Ruiz, Ana", "Kim\nLee", "Sam"])
        #expect(reading.staff.first?.school == "Lincoln \"Lions\" High")
    }

    struct ProblemCase: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var problem: StaffCSVError
        var testDescription: String { name }
    }

    static let header = "employee id,name,school,hire date\n"

    @Test(arguments: [
        ProblemCase(
            name: "unknown header", text: "employee id,name,school,shoe size\nE-1,Ana,Lincoln,9\n",
            problem: .unknownHeader(
                file: "staff.csv", line: 1, column: 4, header: "shoe size",
                known: ["employee id", "name", "email", "school", "district", "role", "hire date"])),
        ProblemCase(
            name: "missing required header", text: "employee id,name\nE-1,Ana\n",
            problem: .missingHeader(file: "staff.csv", line: 1, header: "school")),
        ProblemCase(
            name: "repeated header", text: "employee id,name,school,Name\n",
            problem: .repeatedHeader(file: "staff.csv", line: 1, header: "name")),
        ProblemCase(
            name: "bad date", text: header + "E-1,Ana,Lincoln,2026-09-01\nE-2,Kim,Lincoln,2026-02-30\n",
            problem: .badDate(file: "staff.csv", line: 3, text: "2026-02-30")),
        ProblemCase(
            name: "duplicate employee id", text: header + "E-1,Ana,Lincoln,\nE-2,Kim,Lincoln,\n\"e-1 \",Sam,Hoover,\n",
            problem: .duplicateEmployeeID(file: "staff.csv", line: 4, id: "e-1", firstLine: 2)),
        ProblemCase(
            name: "empty name", text: header + "E-1,,Lincoln,\n", problem: .emptyField(file: "staff.csv", line: 2, header: "name")
        ),
        ProblemCase(
            name: "empty employee id", text: header + "E-1,Ana,Lincoln,\n ,Kim,Lincoln,\n",
            problem: .emptyField(file: "staff.csv", line: 3, header: "employee id")),
        ProblemCase(
            name: "too many fields (an unquoted comma)", text: header + "E-1,Ruiz, Ana,Lincoln,\n",
            problem: .wrongFieldCount(file: "staff.csv", line: 2, found: 5, expected: 4)),
        ProblemCase(
            name: "too few fields, after a line break in quotes", text: header + "E-1,\"Ana\nRuiz\",Lincoln,\nE-2,Kim\n",
            problem: .wrongFieldCount(file: "staff.csv", line: 4, found: 2, expected: 4)),
        ProblemCase(
            name: "unclosed quote", text: header + "E-1,Ana,Lincoln,\nE-2,\"Kim,Lincoln,\n",
            problem: .unclosedQuote(file: "staff.csv", line: 3)),
        ProblemCase(
            name: "stray quote", text: header + "E-1,Ana \"Bee\" Ruiz,Lincoln,\n",
            problem: .strayQuote(file: "staff.csv", line: 2)),
        ProblemCase(name: "no one after the header", text: header + ",,,\n", problem: .noStaff(file: "staff.csv", line: 1)),
        ProblemCase(name: "empty file", text: "", problem: .empty(file: "staff.csv")),
    ])
    func eachProblemNamesItsLine(_ example: ProblemCase) throws {
        let reading = read(example.text)
        #expect(reading.problems == [example.problem])
        #expect(throws: example.problem) { try StaffCSV.staff(in: Data(example.text.utf8), file: "staff.csv") }
        let message = example.problem.description
        let place = example.problem.line.map { "staff.csv:\($0): error: " } ?? "staff.csv: error: "
        #expect(message.hasPrefix(place), "file:line first")
        #expect(message.hasSuffix(".") && !message.hasSuffix(".."), "one full stop")
        #expect(message.split(separator: ". ").count >= 2, "what is wrong, then how to fix it")
    }

    @Test func everyLineWithAProblemIsReportedAtOnce() throws {
        let reading = read(Self.header + "E-1,,Lincoln,someday\nE-2,Kim,Lincoln,\nE-3,Sam\n")
        #expect(reading.problems.map(\.line) == [2, 2, 4])
        #expect(reading.staff.map(\.employeeID) == ["E-2"])
    }

    @Test func textThatIsNotUTF8IsRefused() throws {
        let latin1 = Data("employee id,name,school\nE-1,Jos".utf8) + Data([0xE9]) + Data(",Lincoln\n".utf8)
        #expect(StaffCSV.read(latin1, file: "staff.csv").problems == [.notUTF8(file: "staff.csv")])
    }
}
