import Crypto
import Dispatch
import Foundation
import Records
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

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
/// lines give the numbers: a tenth of the size, and each text read once. Lines (version 1),
/// tab-separated, fields escaped as in the summary index:
///
/// - `t1 number text HMAC`: text `number` (the line's HMAC covers the number, so moving or
///   removing lines cannot change what a number means);
/// - `v1 id size:device:inode:mtime:ctime jurisdiction school role scored answers HMAC`, where
///   jurisdiction, school and role are text numbers (school and role empty when not given),
///   scored is `1` or `0` (group attendance), and answers are `;`-separated, each
///   `vignette,stage,kind,chosen,correct,points,possible` with text numbers for vignette, kind,
///   chosen and correct (chosen empty when it is the correct option).
struct AnswerIndex: Sendable {
    static let fileName = "answers.log"
    static let recordVersion = "v1"
    static let textVersion = "t1"

    let file: URL
    private let keyedMAC: HMAC<SHA256>

    init(directory: URL, installationKey: InstallationKey) {
        file = directory.appending(path: Self.fileName)
        let key = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: installationKey.privateKey.rawRepresentation),
            info: Data("csec-trainer answer index v1".utf8), outputByteCount: 32)
        keyedMAC = HMAC<SHA256>(key: key)
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
    /// hold yet, in one write under an exclusive lock.
    func append(_ entries: [Entry]) {
        guard !entries.isEmpty else { return }
        let descriptor = open(file.path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX) == 0 else { return }
        // The texts already numbered, read under the lock: another writer may have added some.
        let existing = FileManager.default.contents(atPath: file.path) ?? Data()
        var numbers: [String: Int] = [:]
        for (number, text) in chunkReading([UInt8](existing)).texts { numbers[text] = number }
        var next = (numbers.values.max() ?? -1) + 1
        var lines = ""
        func number(_ text: String) -> Int {
            if let known = numbers[text] { return known }
            let body = [Self.textVersion, String(next), TabSeparatedField.escaped(text)].joined(separator: "\t")
            lines += body + "\t" + authentication(of: Data(body.utf8)) + "\n"
            numbers[text] = next
            next += 1
            return next - 1
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
                String(number(sheet.jurisdiction)), sheet.school.map { String(number($0)) } ?? "",
                sheet.role.map { String(number($0)) } ?? "", sheet.isIndividuallyScored ? "1" : "0",
                answers.joined(separator: ";"),
            ]
            let body = fields.joined(separator: "\t")
            lines += body + "\t" + authentication(of: Data(body.utf8)) + "\n"
        }
        let newLine = existing.last.map { $0 == UInt8(ascii: "\n") } ?? true
        let bytes = Data(((newLine ? "" : "\n") + lines).utf8)
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }

    /// The records' lines that check out (and whose texts do), by record id (the last line for
    /// an id), and the numbers of the lines that do not.
    func read() -> Reading {
        guard let data = FileManager.default.contents(atPath: file.path) else { return Reading() }
        let found = chunkReading([UInt8](data))
        // By number (numbers count from 0, one per text); a number the file lacks stays nil.
        let numbered = found.texts.filter { $0.0 < 1 << 24 }
        var texts = [String?](repeating: nil, count: (numbered.map(\.0).max() ?? -1) + 1)
        for (number, text) in numbered where texts[number] == nil { texts[number] = text }
        let lookup = texts
        let resolved = ParallelMap.map(found.records) { $0.resolved(with: lookup) }
        var reading = Reading(damagedLines: found.damaged)
        reading.entries.reserveCapacity(resolved.count)
        for (record, entry) in zip(found.records, resolved) {
            if let entry { reading.entries[entry.sheet.id] = entry } else { reading.damagedLines.append(record.line) }
        }
        reading.damagedLines.sort()
        return reading
    }

    /// The lines of `bytes` read in parallel, in chunks that end at line ends.
    private func chunkReading(_ bytes: [UInt8]) -> (texts: [(Int, String)], records: [RecordLine], damaged: [Int]) {
        let chunkCount = max(1, min(64, bytes.count / 262_144))
        var bounds = [0]
        for chunk in 1..<max(1, chunkCount) {
            let guess = max(bounds[bounds.count - 1], bytes.count * chunk / chunkCount)
            bounds.append((bytes[guess...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count - 1) + 1)
        }
        bounds.append(bytes.count)
        let limits = bounds
        typealias Chunk = (texts: [(Int, String)], records: [RecordLine], damaged: [Int], lineCount: Int)
        let chunks = Mutex([Chunk](repeating: ([], [], [], 0), count: chunkCount))
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            var found: Chunk = ([], [], [], 0)
            var start = limits[chunk]
            while start < limits[chunk + 1] {
                let end = bytes[start..<limits[chunk + 1]].firstIndex(of: UInt8(ascii: "\n")) ?? limits[chunk + 1]
                let line = bytes[start..<end]
                if let tab = line.lastIndex(of: UInt8(ascii: "\t")),
                    authentication(of: line[..<tab]).utf8.elementsEqual(line[(tab + 1)...])
                {
                    let fields = line[..<tab].split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
                    if let text = Self.text(in: fields) {
                        found.texts.append(text)
                    } else if let record = RecordLine(fields, line: found.lineCount) {
                        found.records.append(record)
                    } else {
                        found.damaged.append(found.lineCount)
                    }
                } else if end > start {
                    found.damaged.append(found.lineCount)
                }
                found.lineCount += 1
                start = end + 1
            }
            chunks.withLock { $0[chunk] = found }
        }
        var all: Chunk = ([], [], [], 0)
        for chunk in chunks.withLock({ $0 }) {
            all.texts += chunk.texts
            // Line numbers from 1, counted through the whole file.
            all.records += chunk.records.map { record in
                var record = record
                record.line += all.lineCount + 1
                return record
            }
            all.damaged += chunk.damaged.map { all.lineCount + $0 + 1 }
            all.lineCount += chunk.lineCount
        }
        return (all.texts, all.records, all.damaged)
    }

    private static func text(in fields: [ArraySlice<UInt8>]) -> (Int, String)? {
        guard fields.count == 3, fields[0].elementsEqual(textVersion.utf8), let number = RecordLine.number(fields[1])
        else { return nil }
        return (number, TabSeparatedField.unescaped(fields[2]))
    }

    private func authentication(of text: some DataProtocol) -> String {
        var mac = keyedMAC
        mac.update(data: text)
        return mac.finalize().hexDigits
    }
}

/// A record's line as read, its texts still numbers.
struct RecordLine: Sendable {
    var line: Int
    var id: String
    var identity: FileIdentity
    var jurisdiction: Int
    var school: Int?
    var role: Int?
    var scored: Bool
    /// Seven numbers per answer: vignette, stage, kind, chosen (-1: the correct one), correct,
    /// points, possible.
    var answers: [Int]

    init?(_ fields: [ArraySlice<UInt8>], line: Int) {
        guard fields.count == 8, fields[0].elementsEqual(AnswerIndex.recordVersion.utf8),
            let identity = FileIdentity(text: String(decoding: fields[2], as: UTF8.self)),
            let jurisdiction = Self.number(fields[3])
        else { return nil }
        self.line = line
        id = TabSeparatedField.unescaped(fields[1])
        self.identity = identity
        self.jurisdiction = jurisdiction
        school = Self.number(fields[4])
        role = Self.number(fields[5])
        guard fields[4].isEmpty || school != nil, fields[5].isEmpty || role != nil else { return nil }
        scored = fields[6].elementsEqual("1".utf8)
        guard let answers = Self.answers(in: fields[7]) else { return nil }
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
        let school = self.school.map(text)
        let role = self.role.map(text)
        if school == .some(nil) || role == .some(nil) { return nil }
        var sheet = AnswerSheet(
            id: id, jurisdiction: jurisdiction, school: school ?? nil, role: role ?? nil, isIndividuallyScored: scored,
            answers: [])
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
