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
/// under its own key derived from the installation's private key, and the identity of the
/// record file it was taken from; a line is used only while both check out, else the record is
/// read from its file and verified, and a new line written. A line that does not check out is
/// reported. Deleting the file loses nothing.
///
/// Line (version 1), tab-separated, fields escaped as in the summary index:
/// `v1 id size:device:inode:mtime:ctime jurisdiction school role scored answers HMAC`, where
/// scored is `1` or `0` (group attendance), and answers are the answers in order, separated by
/// U+001E, each `vignette stage kind chosen correct points possible` separated by U+001F, with
/// chosen empty when it is the correct option.
struct AnswerIndex: Sendable {
    static let fileName = "answers.log"
    static let version = "v1"
    static let answerSeparator = UInt8(0x1E)
    static let fieldSeparator = UInt8(0x1F)

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

    /// Appends the entries' lines in one write under an exclusive lock. A sheet whose text
    /// holds a separator is not written (its record is read from its file each time).
    func append(_ entries: [Entry]) {
        let text = entries.compactMap { line(for: $0.sheet, identity: $0.identity).map { $0 + "\n" } }.joined()
        guard !text.isEmpty else { return }
        let descriptor = open(file.path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_EX) == 0 else { return }
        var last: UInt8 = UInt8(ascii: "\n")
        let size = lseek(descriptor, 0, SEEK_END)
        if size > 0 { _ = pread(descriptor, &last, 1, size - 1) }
        let bytes = Data(((last == UInt8(ascii: "\n") ? "" : "\n") + text).utf8)
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }

    /// The line of `sheet`, or nil when a field holds a separator.
    func line(for sheet: AnswerSheet, identity: FileIdentity) -> String? {
        let separators = Set([Character(UnicodeScalar(Self.answerSeparator)), Character(UnicodeScalar(Self.fieldSeparator))])
        let answers = sheet.answers.map { answer in
            [
                answer.vignette, String(answer.stage), answer.kind, answer.isCorrect ? "" : answer.chosenOption,
                answer.correctOption, String(answer.points), String(answer.possiblePoints),
            ]
        }
        guard !answers.joined().contains(where: { $0.contains(where: separators.contains) }) else { return nil }
        let answersField = answers.map { $0.joined(separator: "\u{1F}") }.joined(separator: "\u{1E}")
        let fields = [
            Self.version, sheet.id, identity.text, sheet.jurisdiction, sheet.school ?? "", sheet.role ?? "",
            sheet.isIndividuallyScored ? "1" : "0", answersField,
        ]
        let text = fields.map(TabSeparatedField.escaped).joined(separator: "\t")
        return text + "\t" + authentication(of: Data(text.utf8))
    }

    /// The lines that check out, by record id (the last line for an id), and the numbers of
    /// those that do not. Read in parallel, in chunks that end at line ends.
    func read() -> Reading {
        guard let data = FileManager.default.contents(atPath: file.path) else { return Reading() }
        let bytes = [UInt8](data)
        let chunkCount = max(1, min(64, bytes.count / 262_144))
        var bounds = [0]
        for chunk in 1..<max(1, chunkCount) {
            let guess = max(bounds[bounds.count - 1], bytes.count * chunk / chunkCount)
            bounds.append((bytes[guess...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count - 1) + 1)
        }
        bounds.append(bytes.count)
        let limits = bounds
        typealias Chunk = (entries: [Entry], damaged: [Int], lineCount: Int)
        let chunks = Mutex([Chunk](repeating: ([], [], 0), count: chunkCount))
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            var found: Chunk = ([], [], 0)
            var start = limits[chunk]
            while start < limits[chunk + 1] {
                let end = bytes[start..<limits[chunk + 1]].firstIndex(of: UInt8(ascii: "\n")) ?? limits[chunk + 1]
                if let entry = entry(in: bytes[start..<end]) {
                    found.entries.append(entry)
                } else if end > start {
                    found.damaged.append(found.lineCount)
                }
                found.lineCount += 1
                start = end + 1
            }
            chunks.withLock { $0[chunk] = found }
        }
        var reading = Reading()
        var linesBefore = 0
        for chunk in chunks.withLock({ $0 }) {
            for entry in chunk.entries { reading.entries[entry.sheet.id] = entry }
            reading.damagedLines += chunk.damaged.map { linesBefore + $0 + 1 }
            linesBefore += chunk.lineCount
        }
        return reading
    }

    private func entry(in line: ArraySlice<UInt8>) -> Entry? {
        guard let tab = line.lastIndex(of: UInt8(ascii: "\t")),
            authentication(of: line[..<tab]).utf8.elementsEqual(line[(tab + 1)...])
        else { return nil }
        let fields = line[..<tab].split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
        guard fields.count == 8, fields[0].elementsEqual(Self.version.utf8),
            let identity = FileIdentity(text: TabSeparatedField.unescaped(fields[2])),
            let answers = Self.answers(in: fields[7])
        else { return nil }
        func optional(_ bytes: ArraySlice<UInt8>) -> String? { bytes.isEmpty ? nil : TabSeparatedField.unescaped(bytes) }
        let sheet = AnswerSheet(
            id: TabSeparatedField.unescaped(fields[1]), jurisdiction: TabSeparatedField.unescaped(fields[3]),
            school: optional(fields[4]), role: optional(fields[5]), isIndividuallyScored: fields[6].elementsEqual("1".utf8),
            answers: answers)
        return Entry(sheet: sheet, identity: identity)
    }

    private static func answers(in field: ArraySlice<UInt8>) -> [AnswerSheet.Answer]? {
        guard !field.isEmpty else { return [] }
        var answers: [AnswerSheet.Answer] = []
        for part in field.split(separator: answerSeparator, omittingEmptySubsequences: false) {
            let values = part.split(separator: fieldSeparator, omittingEmptySubsequences: false)
                .map(TabSeparatedField.unescaped)
            guard values.count == 7, let stage = Int(values[1]), let points = Int(values[5]),
                let possible = Int(values[6])
            else { return nil }
            answers.append(
                AnswerSheet.Answer(
                    vignette: values[0], stage: stage, kind: values[2],
                    chosenOption: values[3].isEmpty ? values[4] : values[3], correctOption: values[4], points: points,
                    possiblePoints: possible))
        }
        return answers
    }

    private func authentication(of text: some DataProtocol) -> String {
        var mac = keyedMAC
        mac.update(data: text)
        return mac.finalize().hexDigits
    }
}
