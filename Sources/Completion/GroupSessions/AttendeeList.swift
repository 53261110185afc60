import Foundation
import GroupSessions
import Records

/// Attendees as a facilitator lists them: one per line, a name or “name, employee id”, checked
/// by the same rule as names and employee ids typed on the participant page
/// (``ParticipantText``: names up to 80 characters, employee ids up to 40, no control or
/// text-direction characters).
public enum AttendeeList {
    public static let example = "“Ana Ruiz” or “Ana Ruiz, E-1042”"

    /// The attendee on `line`, or why the line is not one.
    public static func attendee(_ line: String) -> Result<Trainee, AttendeeProblem> {
        let parts = line.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard !parts[0].isEmpty else { return .failure(.noName) }
        switch (ParticipantText.name(parts[0]), ParticipantText.employeeID(parts.count > 1 ? parts[1] : nil)) {
        case (.success(let name), .success(let employeeID)): return .success(Trainee(name: name, employeeID: employeeID))
        case (.failure(let problem), _), (_, .failure(let problem)): return .failure(.unacceptable(problem))
        }
    }

    /// The attendees of a roster file's text: any line ending (a spreadsheet's CRLF too), blank
    /// lines and lines starting with # skipped. Throws the first line that is not an attendee.
    public static func attendees(in text: String, file: String) throws(AttendeeListError) -> [Trainee] {
        var attendees: [Trainee] = []
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (number, line) in lines.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\u{FEFF}")))
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            switch attendee(trimmed) {
            case .success(let attendee): attendees.append(attendee)
            case .failure(let problem): throw AttendeeListError(file: file, line: number + 1, problem: problem)
            }
        }
        guard !attendees.isEmpty else { throw AttendeeListError(file: file, line: nil, problem: .nobody) }
        return attendees
    }
}

/// Why a roster line is not an attendee, in words for the facilitator.
public enum AttendeeProblem: Error, Sendable, Equatable, CustomStringConvertible {
    case noName, nobody
    /// A name or employee id the participant page would refuse too.
    case unacceptable(ParticipantTextProblem)

    public var description: String {
        switch self {
        case .noName: "a line needs a name first: \(AttendeeList.example)"
        case .unacceptable(let problem):
            // "Not added: the name is …" / "staff.txt:3: error: the name is …"
            problem.description.prefix(1).lowercased() + problem.description.dropFirst().dropLast()
        case .nobody: "it names nobody: write one attendee per line, \(AttendeeList.example)"
        }
    }
}

/// A roster file's problem, with its place: "staff.txt:3: error: …".
public struct AttendeeListError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var problem: AttendeeProblem

    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): error: \(problem)"
    }
}
