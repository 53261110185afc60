import Foundation
import Records
import Synchronization

/// A line per record with its answers (`records/answers.log`): the ``AnswerSheet`` that item
/// analysis reads, so that statistics over a hundred thousand records read one file instead of
/// verifying a hundred thousand signatures.
///
/// A cache, checked like the summary index (``RecordIndex``): every line carries an HMAC-SHA256
/// under its own key derived from the installation's private key, and a record's line the
/// identity of the record file it was taken from; a line is used only while both check out,
/// else the record is read from its file and verified, and a new line written. A line that does
/// not check out is reported. Deleting the file loses nothing.
///
/// The texts that recur from record to record (vignettes, option ids, kinds, jurisdictions,
/// schools, roles) are written once, each on a line of its own with its number, and records'
/// lines give the numbers: a tenth of the size, and each text read once. Lines, tab-separated,
/// fields escaped as in the summary index:
///
/// - `g1 token HMAC`: the file's first line since version 1 of this note, a random token naming
///   this file's numbering, so that a process may remember the numbers it has read while the file
///   keeps its token (``TextNumbers``), and a save reads only the lines added since;
/// - `t1 number text HMAC`: text `number` (the line's HMAC covers the number, so moving or
///   removing lines cannot change what a number means);
/// - `v2 id size:device:inode:mtime:ctime jurisdiction district school role scored purpose
///   completed person answers HMAC`, where jurisdiction, district, school and role are text
///   numbers (district, school and role empty when not given), scored is `1` or `0` (group
///   attendance), purpose is empty for training (else `pre-test` or `refresher`), completed is
///   the record's completion time as the record writes it, person is the person's key
///   (``PersonKey``), and answers are `;`-separated, each
///   `vignette,stage,kind,chosen,correct,points,possible` with text numbers for vignette, kind,
///   chosen and correct (chosen empty when it is the correct option).
///
/// A record's line of version 1 (without district, purpose, completion time and person) is
/// stale, not damaged: the record is read from its file once more and a version 2 line written.
struct AnswerIndex: Sendable {
    static let fileName = "answers.log"
    static let recordVersion = "v2"
    /// Records' lines written before version 2: read as stale.
    static let staleRecordVersions = ["v1"]
    static let textVersion = "t1"
    static let generationVersion = "g1"

    let lines: AuthenticatedLines
    var file: URL { lines.file }

    init(directory: URL, installationKey: InstallationKey) {
        lines = AuthenticatedLines(
            file: directory.appending(path: Self.fileName), installationKey: installationKey,
            info: "csec-trainer answer index v1")
    }

    struct Entry: Sendable, Equatable {
        var sheet: AnswerSheet
        var identity: FileIdentity
    }

    struct Reading: Sendable {
        var entries: [String: Entry] = [:]
        var damagedLines: [Int] = []
    }

    /// Appends the entries' lines, with the lines of the texts they use that the file does not
    /// hold yet, in one write under an exclusive lock. The texts already numbered are read under
    /// the lock (another writer may have added some): only those added since this process last
    /// read or wrote the file, while the file keeps its token; all of them otherwise.
    func append(_ entries: [Entry]) {
        guard !entries.isEmpty else { return }
        var known = TextNumbers(token: "")
        let size = lines.append { locked in
            var head = ""
            if locked.size == 0 {
                known = TextNumbers(token: UUID().uuidString.lowercased())
                head = lines.line([Self.generationVersion, known.token].joined(separator: "\t")) + "\n"
            } else if let token = token(in: locked.bytes(from: 0, upTo: 256)),
                let remembered = Self.remembered.withLock({ $0[self.file.path] }), remembered.token == token,
                remembered.scanned <= locked.size
            {
                known = remembered
            } else {
                known = TextNumbers(token: token(in: locked.bytes(from: 0, upTo: 256)) ?? "")
            }
            for (number, text) in texts(in: locked.bytes(from: known.scanned)) { known.add(text, number: number) }
            var text = ""
            func number(_ field: String) -> Int {
                if let number = known.numbers[field] { return number }
                let number = known.next
                text += lines.line([Self.textVersion, String(number), TabSeparatedField.escaped(field)].joined(separator: "\t"))
                text += "\n"
                known.add(field, number: number)
                return number
            }
            for entry in entries {
                let sheet = entry.sheet
                let answers = sheet.answers.map { answer in
                    [
                        String(number(answer.vignette)), String(answer.stage), String(number(answer.kind)),
                        answer.isCorrect ? "" : String(number(answer.chosenOption)), String(number(answer.correctOption)),
                        String(answer.points), String(answer.possiblePoints),
                    ]
                    .joined(separator: ",")
                }
                let fields = [
                    Self.recordVersion, TabSeparatedField.escaped(sheet.id), entry.identity.text,
                    String(number(sheet.jurisdiction)), sheet.district.map { String(number($0)) } ?? "",
                    sheet.school.map { String(number($0)) } ?? "", sheet.role.map { String(number($0)) } ?? "",
                    sheet.isIndividuallyScored ? "1" : "0", sheet.purpose == .training ? "" : sheet.purpose.rawValue,
                    sheet.completedAt.description, TabSeparatedField.escaped(sheet.person.value),
                    answers.joined(separator: ";"),
                ]
                text += lines.line(fields.joined(separator: "\t")) + "\n"
            }
            return head + text
        }
        // A file without a token (written before tokens) is read whole at every save.
        if let size, !known.token.isEmpty {
            known.scanned = size
            Self.remembered.withLock { $0[file.path] = known }
        }
    }

    /// The numbering of a file as this process last read or wrote it, by path.
    static let remembered = Mutex<[String: TextNumbers]>([:])

    /// The file's token, from its first line when that line checks out.
    private func token(in head: [UInt8]) -> String? {
        let end = head.firstIndex(of: UInt8(ascii: "\n")) ?? head.count
        guard let body = lines.body(of: head[..<end]) else { return nil }
        let fields = body.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
        guard fields.count == 2, fields[0].elementsEqual(Self.generationVersion.utf8), !fields[1].isEmpty else { return nil }
        return String(decoding: fields[1], as: UTF8.self)
    }

    /// The numbered texts of `bytes` whose lines check out: only the text lines are looked at
    /// (a few hundred among a hundred thousand records' lines), so that saving a record does not
    /// check every line of the file.
    private func texts(in bytes: [UInt8]) -> [(Int, String)] {
        let prefix = Array((Self.textVersion + "\t").utf8)
        var texts: [(Int, String)] = []
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            let line = bytes[start..<end]
            if line.starts(with: prefix), let body = lines.body(of: line),
                let text = Self.text(in: body.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false))
            {
                texts.append(text)
            }
            start = end + 1
        }
        return texts
    }

    /// A line of the file, as the parallel reading finds it.
    private enum Line: Sendable {
        /// A record's line, its texts resolved.
        case record(Entry)
        /// A record's line naming a text the file does not hold: damaged.
        case unresolved
        /// A numbered text (read before), the file's token, or a record's line of an earlier
        /// version (as if the record had no line): nothing for the reading.
        case other
    }

    /// The records' lines that check out (and whose texts do), by record id (the last line for
    /// an id), and the numbers of the lines that do not. The numbered texts are found first (a
    /// few hundred lines, by their prefix), so that each record's line is resolved as it is read.
    func read() -> Reading {
        let bytes = lines.contents()
        // By number (numbers count from 0, one per text); a number the file lacks stays nil.
        let numbered = texts(in: bytes).filter { $0.0 < 1 << 24 }
        var byNumber = [String?](repeating: nil, count: (numbered.map(\.0).max() ?? -1) + 1)
        for (number, text) in numbered where byNumber[number] == nil { byNumber[number] = text }
        let lookup = byNumber
        let found = lines.read(bytes, chunkBytes: 262_144, maximumChunks: 64) { fields -> Line? in
            guard Self.version(fields, is: Self.recordVersion) else {
                let isOther =
                    Self.text(in: fields) != nil
                    || (fields.count == 2 && Self.version(fields, is: Self.generationVersion))
                    || Self.staleRecordVersions.contains { Self.version(fields, is: $0) }
                return isOther ? .other : nil
            }
            return RecordLine(fields).map { $0.resolved(with: lookup).map(Line.record) ?? .unresolved }
        }
        var reading = Reading(damagedLines: found.damaged)
        reading.entries.reserveCapacity(found.values.count)
        for (line, value) in found.values {
            switch value {
            case .record(let entry): reading.entries[entry.sheet.id] = entry
            case .unresolved: reading.damagedLines.append(line)
            case .other: break
            }
        }
        reading.damagedLines.sort()
        return reading
    }

    /// Whether the line's first field is `version`.
    private static func version(_ fields: [ArraySlice<UInt8>], is version: String) -> Bool {
        fields.first?.elementsEqual(version.utf8) == true
    }

    private static func text(in fields: [ArraySlice<UInt8>]) -> (Int, String)? {
        guard fields.count == 3, fields[0].elementsEqual(textVersion.utf8), let number = RecordLine.number(fields[1])
        else { return nil }
        return (number, TabSeparatedField.unescaped(fields[2]))
    }
}

/// A record's line as read, its texts still numbers.
struct RecordLine: Sendable {
    var id: String
    var identity: FileIdentity
    var jurisdiction: Int
    var district: Int?
    var school: Int?
    var role: Int?
    var scored: Bool
    var purpose: AttemptPurpose
    var completedAt: Timestamp
    var person: PersonKey
    /// Seven numbers per answer: vignette, stage, kind, chosen (-1: the correct one), correct,
    /// points, possible.
    var answers: [Int]

    init?(_ fields: [ArraySlice<UInt8>]) {
        guard fields.count == 12, fields[0].elementsEqual(AnswerIndex.recordVersion.utf8),
            let identity = FileIdentity(text: String(decoding: fields[2], as: UTF8.self)),
            let jurisdiction = Self.number(fields[3]),
            let purpose = fields[8].isEmpty ? .training : AttemptPurpose(rawValue: String(decoding: fields[8], as: UTF8.self)),
            let completedAt = Timestamp(String(decoding: fields[9], as: UTF8.self))
        else { return nil }
        id = TabSeparatedField.unescaped(fields[1])
        self.identity = identity
        self.jurisdiction = jurisdiction
        (district, school, role) = (Self.number(fields[4]), Self.number(fields[5]), Self.number(fields[6]))
        guard fields[4].isEmpty || district != nil, fields[5].isEmpty || school != nil, fields[6].isEmpty || role != nil
        else { return nil }
        scored = fields[7].elementsEqual("1".utf8)
        self.purpose = purpose
        self.completedAt = completedAt
        person = PersonKey(value: TabSeparatedField.unescaped(fields[10]))
        guard let answers = Self.answers(in: fields[11]) else { return nil }
        self.answers = answers
    }

    /// `a,b,c,d,e,f,g;…` as seven numbers per answer (-1 for an empty fourth), in one pass
    /// over the bytes.
    static func answers(in field: ArraySlice<UInt8>) -> [Int]? {
        guard !field.isEmpty else { return [] }
        return field.withUnsafeBufferPointer { bytes -> [Int]? in
            var numbers: [Int] = []
            numbers.reserveCapacity(bytes.count / 3)
            var (value, digits, position) = (0, 0, 0)
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    guard digits < 18 else { return nil }
                    value = value * 10 + Int(byte - UInt8(ascii: "0"))
                    digits += 1
                case UInt8(ascii: ","), UInt8(ascii: ";"):
                    guard byte == UInt8(ascii: ",") ? position < 6 : position == 6 else { return nil }
                    guard digits > 0 || position == 3 else { return nil }
                    numbers.append(digits > 0 ? value : -1)
                    (value, digits) = (0, 0)
                    position = byte == UInt8(ascii: ",") ? position + 1 : 0
                default:
                    return nil
                }
            }
            guard position == 6, digits > 0 else { return nil }
            numbers.append(value)
            return numbers
        }
    }

    /// The sheet, or nil when the line names a text the file does not hold.
    func resolved(with texts: [String?]) -> AnswerIndex.Entry? {
        func text(_ number: Int) -> String? { number < texts.count ? texts[number] : nil }
        guard let jurisdiction = text(jurisdiction) else { return nil }
        let (district, school, role) = (self.district.map(text), self.school.map(text), self.role.map(text))
        if district == .some(nil) || school == .some(nil) || role == .some(nil) { return nil }
        var sheet = AnswerSheet(
            id: id, person: person, jurisdiction: jurisdiction, district: district ?? nil, school: school ?? nil,
            role: role ?? nil, purpose: purpose, completedAt: completedAt, isIndividuallyScored: scored, answers: [])
        sheet.answers.reserveCapacity(answers.count / 7)
        var index = 0
        while index + 7 <= answers.count {
            guard let vignette = text(answers[index]), let kind = text(answers[index + 2]),
                let correct = text(answers[index + 4])
            else { return nil }
            let chosen = answers[index + 3] < 0 ? correct : text(answers[index + 3])
            guard let chosen else { return nil }
            sheet.answers.append(
                AnswerSheet.Answer(
                    vignette: vignette, stage: answers[index + 1], kind: kind, chosenOption: chosen, correctOption: correct,
                    points: answers[index + 5], possiblePoints: answers[index + 6]))
            index += 7
        }
        return AnswerIndex.Entry(sheet: sheet, identity: identity)
    }

    /// A decimal number of at most 18 digits, or nil.
    static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}

/// The texts of an answer index numbered so far, as far as `scanned` bytes into the file whose
/// first line holds `token`.
struct TextNumbers: Sendable {
    var token: String
    var scanned = 0
    var numbers: [String: Int] = [:]
    /// The number the next new text gets.
    var next = 0

    init(token: String) {
        self.token = token
    }

    mutating func add(_ text: String, number: Int) {
        numbers[text] = number
        next = max(next, number + 1)
    }
}
