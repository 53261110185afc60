import Foundation
import Records

/// The staff roster file of the embedded store (`<data dir>/staff-roster.json`), format 1:
///
/// ```json
/// { "format": "csec-trainer-staff-roster", "formatVersion": 1,
///   "staff": [ { "employeeID": "E-1042", "name": "Ana Ruiz", "school": "Lincoln Elementary", … } ] }
/// ```
///
/// Documented in docs/staff-roster.md, with the JSON Schema schemas/staff-roster.schema.json.
/// A file of a newer format is refused, never rewritten.
struct RosterFile: Codable, Equatable {
    static let fileName = "staff-roster.json"
    static let format = "csec-trainer-staff-roster"
    static let formatVersion = 1

    var format: String
    var formatVersion: Int
    var staff: [StaffMember]

    init(_ roster: StaffRoster) {
        format = Self.format
        formatVersion = Self.formatVersion
        staff = roster.staff
    }

    /// The file's bytes: pretty, sorted keys, one final newline.
    func contents() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }

    /// Reads a roster file's bytes; `path` names it in errors.
    static func read(_ data: Data, path: String) throws(RosterProblem) -> StaffRoster {
        struct Header: Decodable {
            var format: String?
            var formatVersion: Int?
        }
        guard let header = try? JSONDecoder().decode(Header.self, from: data), header.format == format else {
            throw .damaged(path: path, reason: "no \"format\": \"\(format)\"")
        }
        guard let version = header.formatVersion, version >= 1 else {
            throw .damaged(path: path, reason: "no \"formatVersion\"")
        }
        guard version <= formatVersion else {
            throw .newerFormat(path: path, found: version, supported: formatVersion)
        }
        do {
            return StaffRoster(try JSONDecoder().decode(RosterFile.self, from: data).staff)
        } catch {
            throw .damaged(path: path, reason: "its staff list cannot be read")
        }
    }
}
