import Foundation
import GroupSessions
import Records

/// Attendees as a facilitator lists them: one per line, a name or “name, employee id”, with the
/// same rules as names typed on the participant page (up to 80 characters, no control
/// characters; employee ids up to 40).
enum Roster {
    static let example = "“Ana Ruiz” or “Ana Ruiz, E-1042”"

    /// The attendee on `line`, or why the line is not one.
    static func attendee(_ line: String) -> Result<Trainee, RosterProblem> {
        let parts = line.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard let name = Participant.acceptableName(parts[0]) else {
            return .failure(parts[0].isEmpty ? .noName : .unacceptableName)
        }
        let employeeID = parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil
        if let employeeID,
            employeeID.count > 40 || employeeID.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        {
            return .failure(.unacceptableEmployeeID)
        }
        return .success(Trainee(name: name, employeeID: employeeID))
    }

    /// The attendees of a roster file's text: any line ending (a spreadsheet's CRLF too), blank
    /// lines and lines starting with # skipped. Throws the first line that is not an attendee.
    static func attendees(in text: String, file: String) throws(RosterFileError) -> [Trainee] {
        var attendees: [Trainee] = []
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (number, line) in lines.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\u{FEFF}")))
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            switch attendee(trimmed) {
            case .success(let attendee): attendees.append(attendee)
            case .failure(let problem): throw RosterFileError(file: file, line: number + 1, problem: problem)
            }
        }
        guard !attendees.isEmpty else { throw RosterFileError(file: file, line: nil, problem: .nobody) }
        return attendees
    }
}

/// Why a roster line is not an attendee, in words for the facilitator.
enum RosterProblem: Error, CustomStringConvertible {
    case noName, unacceptableName, unacceptableEmployeeID, nobody

    var description: String {
        switch self {
        case .noName: "a line needs a name first: \(Roster.example)"
        case .unacceptableName: "a name has up to 80 characters and no control characters"
        case .unacceptableEmployeeID: "an employee id has up to 40 characters"
        case .nobody: "it names nobody: write one attendee per line, \(Roster.example)"
        }
    }
}

/// A roster file's problem, with its place: "staff.txt:3: error: …".
struct RosterFileError: Error, CustomStringConvertible {
    var file: String
    var line: Int?
    var problem: RosterProblem

    var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): error: \(problem)"
    }
}
