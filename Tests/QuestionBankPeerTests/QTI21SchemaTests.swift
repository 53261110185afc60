import Completion
import Foundation
import QuestionBanks
import TestSupport
import Testing

/// Every QTI 2.1 item of every county against the QTI 2.1 XSD (the unchanged IMS copy and its
/// imports in Fixtures/QTI21Schema, read through a uri_mapper or an XML catalog), with two
/// validators: xmlschema (compiled once for the whole run) and xmllint. Each must also reject
/// the negative fixtures.
@Suite struct QTI21SchemaTests {
    static let negatives = [
        "qti-correct-response-renamed.xml", "qti-version-2.0-namespace.xml", "qti-identifier-not-an-ncname.xml",
    ].map { ValidatorPeers.negative.appending(path: $0) }

    /// Every county's items, written into `directory`.
    static func items(in directory: URL) throws -> [URL] {
        try Fixtures.jurisdictionIDs.flatMap { county in
            let bank = try ExportedBank(county: county).bank
            let folder = directory.appending(path: county)
            try QuestionBankExport.write(bank, as: .qti21, to: folder)
            return QTI21Package(bank: bank).items.map { folder.appending(path: QTI21Package.path(of: $0)) }
        }
    }

    struct Verdicts: Decodable {
        var compileSeconds: Double
        var errors: [String: String?]
    }

    @Test(.enabled(if: ValidatorPeers.runs(ValidatorPeers.hasXMLSchema), ValidatorPeers.skipMessage("xmlschema")))
    func xmlschemaFindsEveryItemValidAndRejectsEachNegativeFixture() async throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let items = try Self.items(in: directory)
        #expect(!items.isEmpty)
        let verdicts = try await ValidatorPeers.run(
            "validate_qti21.py", [ValidatorPeers.qtiSchema.path] + (items + Self.negatives).map(\.path), as: Verdicts.self)
        for item in items { #expect(verdicts.errors[item.path] == .some(nil), "\(item.lastPathComponent)") }
        for negative in Self.negatives {
            #expect(verdicts.errors[negative.path]??.isEmpty == false, "\(negative.lastPathComponent) must be rejected")
        }
    }

    @Test(.enabled(if: ValidatorPeers.xmllint != nil || ValidatorPeers.isCI, ValidatorPeers.skipMessage("xmllint")))
    func xmllintFindsEveryItemValidAndRejectsEachNegativeFixture() async throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let items = try Self.items(in: directory)
        let verdicts = try await ValidatorPeers.xmllintVerdicts(items + Self.negatives, scratch: directory)
        let invalid = items.filter { !verdicts.valid.contains($0.path) }
        #expect(invalid.isEmpty, "\(invalid.prefix(3).map(\.lastPathComponent)): \(verdicts.output.prefix(2000))")
        for negative in Self.negatives { #expect(!verdicts.valid.contains(negative.path), "\(negative.lastPathComponent)") }
    }
}
