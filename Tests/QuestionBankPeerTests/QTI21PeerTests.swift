import Completion
import Foundation
import ProtocolEngine
import QuestionBanks
import ScenarioEngine
import TestSupport
import Testing

/// The QTI 2.1 package, read by a real converter (citolab-qti-convert: each item to QTI 3.0 and
/// back, and the zip csec-trainer writes with its upgrade_package) and by Python's zipfile, for
/// every county.
@Suite(.enabled(if: ValidatorPeers.runs(ValidatorPeers.hasQTIConverter), ValidatorPeers.skipMessage("citolab-qti-convert")))
struct QTI21PeerTests {
    struct Read: Decodable {
        struct Item: Decodable {
            var identifier: String
            var correct: [String]
            var choices: [String]
            var feedback: [String: String]
            var correctBack: [String]
            var warnings: [String]
        }
        struct Package: Decodable {
            var entries: [String]
            var badEntry: String?
            var manifestFiles: [String]
            var types: [String]
            var correct: [String: [String]]
        }
        var items: [String: Item]
        var package: Package?
    }

    @Test(arguments: Fixtures.jurisdictionIDs)
    func everyItemKeepsTheEnginesAnswerAndEachWrongOptionsReasonBothWays(county: String) async throws {
        let exported = try ExportedBank(county: county)
        try #require(!exported.engine.isEmpty)
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let folder = directory.appending(path: county)
        try QuestionBankExport.write(exported.bank, as: .qti21, to: folder)
        let zipFile = directory.appending(path: "\(county)-qti.zip")
        try QuestionBankExport.write(exported.bank, as: .qti21, to: zipFile)
        let package = QTI21Package(bank: exported.bank)
        let paths = package.items.map { folder.appending(path: QTI21Package.path(of: $0)).path }

        let read = try await ValidatorPeers.run("read_qti21.py", ["--package", zipFile.path] + paths, as: Read.self)
        try #require(read.items.count == exported.engine.count)
        for ((question, item), path) in zip(zip(exported.engine, package.items), paths) {
            let parsed = try #require(read.items[path])
            #expect(package.itemIdentifiers.id(for: parsed.identifier) == question.id)
            #expect(parsed.correct.compactMap(item.choices.id(for:)) == [question.correctOptionID.rawValue], "\(question.id)")
            #expect(parsed.correctBack == parsed.correct, "QTI 3.0 back to 2.1 keeps the answer")
            #expect(parsed.warnings == [])
            #expect(parsed.choices.compactMap(item.choices.id(for:)) == question.options.map(\.id.rawValue))
            for option in question.options where option.id != question.correctOptionID {
                let why = try #require(ExportedBank.whyWrong(option, in: question))
                let choice = try #require(item.choices.byID[option.id.rawValue])
                #expect(parsed.feedback[choice]?.contains(why) == true, "\(question.id) \(option.id)")
            }
        }
        let upgraded = try #require(read.package)
        #expect(upgraded.entries == ["imsmanifest.xml"] + upgraded.manifestFiles, "the zip holds exactly the manifest's files")
        #expect(upgraded.manifestFiles == package.items.map(QTI21Package.path(of:)))
        #expect(upgraded.badEntry == nil, "every entry's CRC checks")
        #expect(upgraded.types == ["imsqti_item_xmlv3p0"])
        #expect(upgraded.correct.count == package.items.count)
        for item in package.items {
            #expect(upgraded.correct[QTI21Package.path(of: item)] == item.correctChoices, "\(item.identifier)")
        }
    }

    @Test func theZipCheckCatchesAFileTheManifestDoesNotName() async throws {
        let zipFile = ValidatorPeers.negative.appending(path: "qti-package-with-an-unlisted-file.zip")
        let read = try await ValidatorPeers.run("read_qti21.py", ["--package", zipFile.path], as: Read.self)
        let package = try #require(read.package)
        #expect(package.entries != ["imsmanifest.xml"] + package.manifestFiles)
        #expect(package.entries.contains("notes.txt"))
    }

    @Test func theCheckCatchesAnItemWhoseAnswerTheConverterLoses() async throws {
        let file = ValidatorPeers.negative.appending(path: "qti-correct-response-renamed.xml")
        let read = try await ValidatorPeers.run("read_qti21.py", [file.path], as: Read.self)
        #expect(read.items[file.path]?.correct == [], "converted without its correct value")
    }
}
