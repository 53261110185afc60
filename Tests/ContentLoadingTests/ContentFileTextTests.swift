import ContentLoading
import Foundation
import TestSupport
import Testing

/// A content file is read only up to ``ContentLimit/fileSize`` and must be UTF-8; either fault
/// is reported at its file, line and column.
struct ContentFileTextTests {
    struct Fault: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: @Sendable () -> [UInt8]
        var line: Int
        var column: Int
        var problem: ContentProblem
        var testDescription: String { name }
    }

    static let faults = [
        Fault(
            name: "a title saved as Windows-1252",
            bytes: { Array("format: 1\nid: latin-1\ntitle: Caf".utf8) + [0xE9] + Array(" au lait\n".utf8) },
            line: 3, column: 11, problem: .notUTF8(byteOffset: 32)),
        Fault(
            name: "a file saved as UTF-16", bytes: { [0xFF, 0xFE] + "format: 1\n".utf16.flatMap { [UInt8($0), 0] } },
            line: 1, column: 1, problem: .notUTF8(byteOffset: 0)),
        Fault(
            name: "a character cut short at the end", bytes: { Array("title: caf".utf8) + [0xC3] },
            line: 1, column: 11, problem: .notUTF8(byteOffset: 10)),
        Fault(
            name: "1.2 MiB of comments", bytes: { Array(ContentBombs.comments(lines: 20_000).utf8) }, line: 16_385, column: 1,
            problem: .overLimit(.fileSize)),
    ]

    @Test(arguments: faults)
    func aVignetteFileIsReportedWhereItGoesWrong(_ fault: Fault) throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(fault.bytes()).write(to: directory.appending(path: "fault.yaml"))

        let bank = try ScenarioBank.load(from: directory, library: Fixtures.library())
        let error = try #require(bank.error)
        guard case .invalid(let file, let location, let problem) = error else {
            Issue.record("not a located problem: \(error)")
            return
        }
        #expect(file.hasSuffix("/fault.yaml"))
        #expect(location == SourceLocation(line: fault.line, column: fault.column))
        #expect(problem == fault.problem)
    }

    @Test func aProtocolFileOfAGibibyteIsNotReadToItsEnd() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appending(path: "huge.yaml")
        // A sparse file: a gibibyte of zero bytes that takes no room on the disk.
        #expect(FileManager.default.createFile(atPath: file.path, contents: nil))
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: 1 << 30)
        try handle.close()

        let vocabulary = try Fixtures.content.loadVocabulary()
        var error: ContentError?
        let duration = threadCPUTime {
            error = #expect(throws: ContentError.self) {
                try ContentDirectory.loadProtocols(in: directory, vocabulary: vocabulary)
            }
        }
        guard case .invalid(let name, let location, let problem) = error else {
            Issue.record("not a located problem: \(String(describing: error))")
            return
        }
        #expect(name.hasSuffix("/huge.yaml"))
        #expect(location == SourceLocation(line: 1, column: ContentLimit.fileSize.maximum + 1))
        #expect(problem == .overLimit(.fileSize))
        #expect(duration < ContentBombs.timeBound)
    }

    @Test func theMessagesSayWhatToDo() {
        #expect(ContentProblem.notUTF8(byteOffset: 32).message.contains("Save the file as UTF-8"))
        #expect(ContentProblem.overLimit(.fileSize).message.contains("1,048,576 bytes"))
        #expect(ContentProblem.overLimit(.values).message.contains("10,000 values"))
        let error = ContentError.invalid(
            file: "x.yaml", at: SourceLocation(line: 3, column: 11), problem: .notUTF8(byteOffset: 32))
        #expect(error.description.hasPrefix("x.yaml:3:11: error: This file is not UTF-8 text: byte 32"))
    }
}
