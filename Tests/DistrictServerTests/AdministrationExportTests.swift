import Accounts
import DistrictServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RecordStore
import Records
import Storage
import TestSupport
import Testing

/// "Download all records": every record as its signed file in one tar archive (what `records
/// export` writes) that the system's `tar` unpacks, one audit line an export naming the
/// administrator and the count, no temporary file left once it is sent, and no export without
/// the session's form token.
@Suite(.serialized)
struct AdministrationExportTests {

    @Test
    func theExportHoldsEveryRecordAsSignedAndIsAuditedOnce() async throws {
        let fixture = try await AdministrationFixture()
        defer { fixture.remove() }
        let rosas = try await fixture.storeRosasRecord()
        let other = try await fixture.records.saveOnce(SampleRecords.record(name: "Ana Ruiz", employeeID: "E-9"))
        let ids = Set([rosas, other.id.uuidString.lowercased()])
        try await fixture.application.test(.router) { client in
            var browser = TestBrowser(client)
            let overview = try await browser.signInAsAdministrator()
            let download = try await browser.post(
                "/admin/records/export", [("csrf_token", try #require(overview.field("csrf_token")))])
            #expect(download.status == .ok && download.headers[.contentType] == "application/x-tar")
            let disposition = try #require(download.headers[.contentDisposition])
            #expect(disposition == #"attachment; filename="csec-records-2026-10-01.tar""#)

            let unpacked = try await Self.untar(download.bytes)
            defer { try? FileManager.default.removeItem(at: unpacked) }
            let folder = unpacked.appending(path: "csec-records-2026-10-01")
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            #expect(Set(files) == Set(ids.map { "\($0).json" }))
            for id in ids {
                let stored = try RecordStore.read(folder.appending(path: "\(id).json"))
                try fixture.store.verify(stored)
                #expect(stored.bytes == (try await fixture.records.find(id)).bytes, "byte for byte as signed")
            }
        }
        let exports = try await fixture.auditEvents().filter { $0.action == .recordsExported }
        #expect(exports.count == 1)
        #expect(exports.first?.actor == AdministrationFixture.administrator)
        #expect(exports.first?.detail == "records export via the administrators' area, 2 records, as district administrator")
        #expect(exports.first?.clientAddress != nil)
    }

    /// A form without the session's token exports nothing, and nothing is audited as exported.
    @Test func anExportWithoutTheFormTokenIsRefused() async throws {
        let fixture = try await AdministrationFixture()
        defer { fixture.remove() }
        try await fixture.storeRosasRecord()
        try await fixture.application.test(.router) { client in
            var browser = TestBrowser(client)
            _ = try await browser.signInAsAdministrator()
            let refused = try await browser.post("/admin/records/export", [("csrf_token", "not-this-sessions-token")])
            #expect(refused.status == .forbidden && refused.headers[.contentType] != "application/x-tar")
            let without = try await browser.post("/admin/records/export", [])
            #expect(without.status == .forbidden && !without.bytes.starts(with: Array("csec-records".utf8)))
        }
        #expect(try await fixture.auditEvents().allSatisfy { $0.action != .recordsExported })
    }

    /// The archive is built in a temporary file, sent from there, then removed: after the
    /// download no export's file or directory is left in the system's temporary directory.
    @Test func theTemporaryArchiveIsGoneOnceTheDownloadIsSent() async throws {
        let fixture = try await AdministrationFixture()
        defer { fixture.remove() }
        try await fixture.storeRosasRecord()
        let before = try Self.exportsInTheTemporaryDirectory()
        try await fixture.application.test(.router) { client in
            var browser = TestBrowser(client)
            let overview = try await browser.signInAsAdministrator()
            let download = try await browser.post(
                "/admin/records/export", [("csrf_token", try #require(overview.field("csrf_token")))])
            #expect(
                download.status == .ok && download.bytes.count > 512 && Array(download.bytes[257..<262]) == Array("ustar".utf8),
                "a tar archive was sent")
        }
        #expect(try Self.exportsInTheTemporaryDirectory().subtracting(before).isEmpty)
    }

    /// The names of export directories in the system's temporary directory.
    static func exportsInTheTemporaryDirectory() throws -> Set<String> {
        Set(
            try FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)
                .filter { $0.hasPrefix("csec-records-export-") })
    }

    /// `bytes` unpacked by the system's tar into a new temporary directory.
    static func untar(_ bytes: [UInt8]) async throws -> URL {
        let directory = try Fixtures.temporaryDirectory()
        let archive = directory.appending(path: "download.tar")
        try Data(bytes).write(to: archive)
        let tar = try #require(Program.locate("tar"), "tar is not installed")
        let result = try await Program.run(tar, ["-xf", archive.path, "-C", directory.path])
        #expect(result.status == 0, "tar: \(result.error)")
        try FileManager.default.removeItem(at: archive)
        return directory
    }
}
