/// The records of CSV text as RFC 4180 writes them: fields separated by commas, quoted fields
/// holding commas, doubled quotes ("") and line breaks; records ended by CRLF, LF or CR. Each
/// record keeps the line it starts on (a quoted line break moves the next record down a line).
///
/// A small parser of its own: the CSV packages at hand give no line numbers, and a staff list's
/// errors must say which line to fix.
struct CSVRecords {
    struct Record: Equatable {
        /// The line the record starts on, from 1.
        var line: Int
        /// The fields, with spaces around them removed.
        var fields: [String]
    }

    enum Problem: Error, Equatable {
        /// A quote inside an unquoted field, or text after a closing quote, on `line`.
        case strayQuote(line: Int)
        /// A quoted field opened on `line` is never closed.
        case unclosedQuote(line: Int)
    }

    /// The records of `text`, leaving out blank lines and lines of empty fields only (the
    /// trailing rows spreadsheets write).
    static func read(_ text: String) throws(Problem) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var quoteLine = 1
        var inQuotes = false
        var afterClosingQuote = false
        let scalars = Array(text.unicodeScalars)
        var index = scalars.first == "\u{FEFF}" ? 1 : 0

        func endField() {
            fields.append(String(field).trimmingSpaces)
            field = String.UnicodeScalarView()
            afterClosingQuote = false
        }
        func endRecord() {
            endField()
            if fields.contains(where: { !$0.isEmpty }) { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
        }

        while index < scalars.count {
            let scalar = scalars[index]
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            index += 1
            if inQuotes {
                switch scalar {
                case "\"" where next == "\"":
                    field.append("\"")
                    index += 1
                case "\"":
                    inQuotes = false
                    afterClosingQuote = true
                case "\r", "\n":
                    if scalar == "\r", next == "\n" { index += 1 }
                    field.append("\n")
                    line += 1
                default:
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                guard !afterClosingQuote, String(field).trimmingSpaces.isEmpty else { throw .strayQuote(line: line) }
                field = String.UnicodeScalarView()
                inQuotes = true
                quoteLine = line
            case ",":
                endField()
            case "\r", "\n":
                if scalar == "\r", next == "\n" { index += 1 }
                endRecord()
                line += 1
                recordLine = line
            case " ", "\t":
                field.append(scalar)
            default:
                if afterClosingQuote { throw .strayQuote(line: line) }
                field.append(scalar)
            }
        }
        if inQuotes { throw .unclosedQuote(line: quoteLine) }
        endRecord()
        return records
    }
}

extension String {
    /// Without spaces and tabs at either end.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
            let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })
        else { return "" }
        return String(scalars[first...last])
    }
}
