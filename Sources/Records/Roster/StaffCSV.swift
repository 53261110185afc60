import Foundation

/// Reads a district's staff list, `staff.csv`, as a spreadsheet saves it (docs/staff-roster.md):
/// a header line, then one person a line.
///
/// Headers are matched ignoring case, spaces, underscores and hyphens ("Employee ID",
/// "employee_id", "EmployeeId"): `employee id`, `name` and `school` are required; `email`,
/// `role`, `hire date` and `district` may be given, in any order. UTF-8 with or without a byte
/// order mark; CRLF, LF or CR line endings; RFC 4180 quoting. Hire dates are written
/// YYYY-MM-DD, or M/D/YYYY as US spreadsheets save them.
public enum StaffCSV {
    /// The columns, by their matching form.
    enum Column: String, CaseIterable {
        case employeeID = "employeeid"
        case name, email, school, district, role
        case hireDate = "hiredate"

        /// As the guide writes it.
        var title: String {
            switch self {
            case .employeeID: "employee id"
            case .hireDate: "hire date"
            default: rawValue
            }
        }

        static let required: [Column] = [.employeeID, .name, .school]

        init?(header: String) {
            let key = header.lowercased().unicodeScalars.filter { !" _-\t".unicodeScalars.contains($0) }
            self.init(rawValue: String(String.UnicodeScalarView(key)))
        }
    }

    /// Everyone in the file, or every problem found: the header's first problem stops reading,
    /// and each line's problems are all reported, so one pass fixes them all.
    public static func read(_ data: Data, file: String) -> StaffCSVReading {
        guard let text = String(data: data, encoding: .utf8) else {
            return StaffCSVReading(staff: [], problems: [.notUTF8(file: file)])
        }
        let records: [CSVRecords.Record]
        do {
            records = try CSVRecords.read(text)
        } catch {
            switch error {
            case .strayQuote(let line): return StaffCSVReading(staff: [], problems: [.strayQuote(file: file, line: line)])
            case .unclosedQuote(let line):
                return StaffCSVReading(staff: [], problems: [.unclosedQuote(file: file, line: line)])
            }
        }
        guard let header = records.first else { return StaffCSVReading(staff: [], problems: [.empty(file: file)]) }
        let columns: [Column]
        switch self.columns(of: header, file: file) {
        case .success(let found): columns = found
        case .failure(let problem): return StaffCSVReading(staff: [], problems: [problem])
        }
        var reading = StaffCSVReading(staff: [], problems: [])
        var firstLineOfID: [String: Int] = [:]
        for record in records.dropFirst() {
            switch member(in: record, columns: columns, file: file) {
            case .problems(let problems): reading.problems += problems
            case .member(let member):
                if let first = firstLineOfID[member.employeeKey] {
                    reading.problems.append(
                        .duplicateEmployeeID(file: file, line: record.line, id: member.employeeID, firstLine: first))
                } else {
                    firstLineOfID[member.employeeKey] = record.line
                    reading.staff.append(member)
                }
            }
        }
        if reading.problems.isEmpty, reading.staff.isEmpty { reading.problems.append(.noStaff(file: file, line: header.line)) }
        return reading
    }

    /// Everyone in the file; throws the first problem.
    public static func staff(in data: Data, file: String) throws(StaffCSVError) -> [StaffMember] {
        let reading = read(data, file: file)
        if let problem = reading.problems.first { throw problem }
        return reading.staff
    }

    private static func columns(of header: CSVRecords.Record, file: String) -> Result<[Column], StaffCSVError> {
        var columns: [Column] = []
        for (position, title) in header.fields.enumerated() {
            guard let column = Column(header: title) else {
                return .failure(
                    .unknownHeader(
                        file: file, line: header.line, column: position + 1, header: title,
                        known: Column.allCases.map(\.title)))
            }
            guard !columns.contains(column) else {
                return .failure(.repeatedHeader(file: file, line: header.line, header: column.title))
            }
            columns.append(column)
        }
        if let missing = Column.required.first(where: { !columns.contains($0) }) {
            return .failure(.missingHeader(file: file, line: header.line, header: missing.title))
        }
        return .success(columns)
    }

    /// A line of staff read: the person, or what is wrong with it.
    private enum Line {
        case member(StaffMember)
        case problems([StaffCSVError])
    }

    private static func member(
        in record: CSVRecords.Record, columns: [Column], file: String
    ) -> Line {
        guard record.fields.count == columns.count else {
            return .problems([
                .wrongFieldCount(file: file, line: record.line, found: record.fields.count, expected: columns.count)
            ])
        }
        var values: [Column: String] = [:]
        for (column, field) in zip(columns, record.fields) where !field.isEmpty { values[column] = field }
        var problems: [StaffCSVError] = Column.required.filter { values[$0] == nil }.map {
            .emptyField(file: file, line: record.line, header: $0.title)
        }
        var hireDate: CalendarDate?
        if let written = values[.hireDate] {
            hireDate = Self.date(written)
            if hireDate == nil { problems.append(.badDate(file: file, line: record.line, text: written)) }
        }
        guard problems.isEmpty, let id = values[.employeeID], let name = values[.name], let school = values[.school] else {
            return .problems(problems)
        }
        return .member(
            StaffMember(
                employeeID: id, name: name, email: values[.email], school: school, district: values[.district],
                role: values[.role], hireDate: hireDate))
    }

    /// YYYY-MM-DD, or M/D/YYYY (US spreadsheets); nil for anything else or a day that does not exist.
    static func date(_ text: String) -> CalendarDate? {
        if let date = CalendarDate(text) { return date }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
            let month = Int(parts[0]), let day = Int(parts[1]), let year = Int(parts[2])
        else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }
}

/// What ``StaffCSV/read(_:file:)`` found: the staff, and the problems (none when it can be imported).
public struct StaffCSVReading: Sendable, Equatable {
    public var staff: [StaffMember]
    public var problems: [StaffCSVError]
}
