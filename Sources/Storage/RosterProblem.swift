import Records

/// What can go wrong with the stored staff roster, in words an administrator can act on.
public enum RosterProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// The roster file exists but could not be read.
    case cannotRead(path: String, reason: String)
    /// The roster could not be written; the previous roster stands.
    case cannotWrite(path: String, reason: String)
    /// The file is not a roster csec-trainer wrote, or is damaged.
    case damaged(path: String, reason: String)
    /// The roster was written by a newer csec-trainer.
    case newerFormat(path: String, found: Int, supported: Int)
    /// Two people in one import have the same employee id.
    case duplicateEmployeeID(String)

    public var description: String {
        switch self {
        case .cannotRead(let path, let reason):
            "\(path): error: cannot read the staff roster: \(reason). Check that the data directory is yours."
        case .cannotWrite(let path, let reason):
            "\(path): error: cannot save the staff roster: \(reason); the previous roster stands. "
                + "Check that the disk has room and the data directory is yours."
        case .damaged(let path, let reason):
            "\(path): error: the staff roster is damaged (\(reason)). Move it aside and import the staff list again."
        case .newerFormat(let path, let found, let supported):
            "\(path): error: the staff roster was saved by a newer csec-trainer (format \(found); this one reads "
                + "format \(supported)). Update csec-trainer."
        case .duplicateEmployeeID(let id):
            "error: employee id '\(id)' is given to more than one person. Give each person their own employee id."
        }
    }

    /// Throws ``duplicateEmployeeID(_:)`` for the first id listed twice (case and spaces ignored).
    public static func refuseDuplicates(in staff: [StaffMember]) throws(StorageError) {
        var seen: Set<String> = []
        for member in staff where !seen.insert(member.employeeKey).inserted {
            throw .roster(.duplicateEmployeeID(member.employeeID))
        }
    }
}
