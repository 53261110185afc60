import Foundation

/// Who has completed the training in a school year, and who is due or overdue: one row per
/// person with a record completed before the year's end (staff trained in earlier years are
/// due again), following the practice districts use for mandated-reporter training (proof of
/// completion within six weeks of the start of the school year, or of the person's hire, as
/// Education Code 44691 said when added in 2014) — a district's policy for this training.
///
/// Pure: the records, the school year and "today" are given.
public struct ComplianceReport: Sendable, Codable, Equatable {
    public static let weeksToComplete = 6

    public var schoolYear: String
    public var asOf: CalendarDate
    public var rows: [Row]

    public enum Status: String, Sendable, Codable, Equatable {
        case complete, due, overdue
    }

    public struct Row: Sendable, Codable, Equatable {
        public var name: String
        public var employeeID: String?
        public var email: String?
        public var school: String?
        public var dueDate: CalendarDate
        public var status: Status
        /// The latest completion in the school year, if any: a passing attempt or group attendance.
        public var completed: CalendarDate?
        /// Its score; nil for group attendance, which is not individually scored.
        public var percent: Int?
        public var recordID: String?
        /// Attempts in the school year, passed or not, group attendance included (0 for someone
        /// trained only in earlier years).
        public var attempts: Int
        // With a staff roster only (nil, and left out of JSON, without one): see ComplianceReport+Roster.swift.
        public var district: String? = nil
        public var role: String? = nil
        /// The completion's verification code, as its certificate prints it.
        public var verificationCode: String? = nil
        public var roster: RosterStanding? = nil
    }

    public init(records: [CompletionRecord], schoolYear: SchoolYear, asOf: CalendarDate) {
        self.init(completions: records.map(CompletionSummary.init), schoolYear: schoolYear, asOf: asOf)
    }

    public init(completions: [CompletionSummary], schoolYear: SchoolYear, asOf: CalendarDate) {
        self.schoolYear = schoolYear.description
        self.asOf = asOf
        // Grouped by their positions, so that each summary is copied once, into its person's list.
        var byPerson: [PersonKey: [Int]] = [:]
        for index in completions.indices where completions[index].completedAt.calendarDate <= schoolYear.end {
            byPerson[PersonKey(completions[index].trainee), default: []].append(index)
        }
        rows = Self.ordered(
            byPerson.values.map { positions in
                let ordered = positions.sorted { completions[$0].completedAt < completions[$1].completedAt }
                    .map { completions[$0] }
                let latest = ordered[ordered.count - 1]
                return Self.row(for: latest.trainee, completions: ordered, schoolYear: schoolYear, asOf: asOf)
            })
    }

    /// The row of `person` with their `completions` (until the year's end, oldest first).
    static func row(
        for person: Trainee, completions: [CompletionSummary], schoolYear: SchoolYear, asOf: CalendarDate
    ) -> Row {
        let attempts = completions.filter { schoolYear.contains($0.completedAt.calendarDate) }
        let passing = attempts.last { $0.outcome.completesTraining }
        let due = Self.dueDate(hired: person.hireDate, in: schoolYear)
        let status: Status = passing != nil ? .complete : asOf <= due ? .due : .overdue
        return Row(
            name: person.name, employeeID: person.employeeID, email: person.email, school: person.school, dueDate: due,
            status: status, completed: passing?.completedAt.calendarDate, percent: passing?.outcome.percent,
            recordID: passing?.id, attempts: attempts.count)
    }

    /// By school, then name (ignoring case), then employee id; the keys are made once, not per comparison.
    static func ordered(_ rows: [Row]) -> [Row] {
        rows.map { row in (key: [row.school ?? "", row.name.lowercased(), row.employeeID ?? ""], row: row) }
            .sorted { $0.key.lexicographicallyPrecedes($1.key) }
            .map(\.row)
    }

    /// Six weeks after the start of the school year, or after the hire date when the person
    /// was hired during it.
    static func dueDate(hired: CalendarDate?, in year: SchoolYear) -> CalendarDate {
        let from = hired.map { schoolHire in year.contains(schoolHire) ? schoolHire : year.start } ?? year.start
        return from.adding(days: weeksToComplete * 7)
    }
}

/// One person across records: the employee id when recorded, else the email, else the name
/// (ignoring case and extra spaces).
public struct PersonKey: Hashable, Sendable, Codable {
    public let value: String

    /// A key as kept (its ``value``), read back from an index or a database.
    public init(value: String) {
        self.value = value
    }

    public init(from decoder: any Decoder) throws {
        value = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    public init(_ trainee: Trainee) {
        func normalized(_ text: String) -> String {
            // Most ids and names are ASCII: lower-cased and their spaces collapsed byte by byte.
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            var pendingSpace = false
            for byte in text.utf8 {
                if byte >= 0x80 {
                    return text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
                }
                if byte == 0x20 || (0x09...0x0D).contains(byte) {
                    pendingSpace = !bytes.isEmpty
                    continue
                }
                if pendingSpace { bytes.append(0x20) }
                pendingSpace = false
                bytes.append((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        if let id = trainee.employeeID.map(normalized), !id.isEmpty {
            value = "id:" + id
        } else if let email = trainee.email.map(normalized), !email.isEmpty {
            value = "email:" + email
        } else {
            value = "name:" + normalized(trainee.name)
        }
    }
}
