/// What is wrong with a staff list (`staff.csv`), where (file and line), and how to fix it.
public enum StaffCSVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file is not UTF-8 text.
    case notUTF8(file: String)
    /// The file has no header line.
    case empty(file: String)
    /// A header names no column csec-trainer knows.
    case unknownHeader(file: String, line: Int, column: Int, header: String, known: [String])
    /// A column is named twice.
    case repeatedHeader(file: String, line: Int, header: String)
    /// A required column is missing.
    case missingHeader(file: String, line: Int, header: String)
    /// The header names no one: there are no lines of staff after it.
    case noStaff(file: String, line: Int)
    /// A line has more or fewer fields than the header has columns.
    case wrongFieldCount(file: String, line: Int, found: Int, expected: Int)
    /// A required field (employee id, name, school) is empty.
    case emptyField(file: String, line: Int, header: String)
    /// A hire date that is not a date.
    case badDate(file: String, line: Int, text: String)
    /// Two lines give one employee id (case and spaces ignored).
    case duplicateEmployeeID(file: String, line: Int, id: String, firstLine: Int)
    /// A quote inside an unquoted field, or text after a closing quote.
    case strayQuote(file: String, line: Int)
    /// A quoted field is never closed.
    case unclosedQuote(file: String, line: Int)

    /// The line the problem is on (nil for the whole file).
    public var line: Int? {
        switch self {
        case .notUTF8, .empty: nil
        case .unknownHeader(_, let line, _, _, _), .repeatedHeader(_, let line, _), .missingHeader(_, let line, _),
            .noStaff(_, let line), .wrongFieldCount(_, let line, _, _), .emptyField(_, let line, _),
            .badDate(_, let line, _), .duplicateEmployeeID(_, let line, _, _), .strayQuote(_, let line),
            .unclosedQuote(_, let line):
            line
        }
    }

    public var description: String {
        switch self {
        case .notUTF8(let file):
            "\(file): error: the file is not UTF-8 text. Save it from the spreadsheet as “CSV UTF-8”."
        case .empty(let file):
            "\(file): error: the file is empty. Start it with a header line such as “employee id,name,email,school,role,hire date”."
        case .unknownHeader(let file, let line, let column, let header, let known):
            "\(file):\(line): error: column \(column)’s header “\(header)” is not a column csec-trainer reads. "
                + "Name it one of: \(known.joined(separator: ", ")); or remove the column."
        case .repeatedHeader(let file, let line, let header):
            "\(file):\(line): error: the header names the column “\(header)” twice. Keep one of them."
        case .missingHeader(let file, let line, let header):
            "\(file):\(line): error: the header has no “\(header)” column. Add it; employee id, name and school are required."
        case .noStaff(let file, let line):
            "\(file):\(line): error: there is no one after the header line. Add one line per staff member."
        case .wrongFieldCount(let file, let line, let found, let expected):
            "\(file):\(line): error: \(found) field\(found == 1 ? "" : "s") where the header has \(expected) columns. "
                + "Put quotes around a field that holds a comma, and give every column a field (empty if unknown)."
        case .emptyField(let file, let line, let header):
            "\(file):\(line): error: the \(header) is empty. Fill it in; every staff member needs an employee id, a name and a school."
        case .badDate(let file, let line, let text):
            "\(file):\(line): error: the hire date “\(text)” is not a date. Write it as YYYY-MM-DD (or M/D/YYYY), "
                + "or leave it empty."
        case .duplicateEmployeeID(let file, let line, let id, let firstLine):
            "\(file):\(line): error: employee id “\(id)” is also on line \(firstLine). "
                + "Give each person their own employee id, or remove the repeated line."
        case .strayQuote(let file, let line):
            "\(file):\(line): error: a quote (\") in the middle of a field. Put the whole field in quotes and "
                + "double each quote inside it (\"\")."
        case .unclosedQuote(let file, let line):
            "\(file):\(line): error: a quoted field starts here and is never closed. Add the closing quote (\")."
        }
    }
}
