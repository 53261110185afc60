import Crypto
import Dispatch
import Foundation
import RecordStore
import Records
import Synchronization
import TestSupport
import Testing

struct RecordStoreTests {
    let dataDirectory = FileManager.default.temporaryDirectory.appending(path: "csec-records-\(UUID().uuidString)")

    func store(operations: any FileOperations = SystemFileOperations()) throws -> RecordStore {
        RecordStore(
            dataDirectory: dataDirectory, key: try InstallationKey.loadOrCreate(in: dataDirectory), operations: operations)
    }

    @Test func savesSignedRecordsOnlyTheOwnerCanRead() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let store = try store()
        let record = SampleRecords.record(name: "José Núñez")
        let file = try store.save(record)
        let listing = store.loadAll()
        #expect(listing.problems.isEmpty)
        #expect(listing.records.map(\.record) == [record])
        try store.verify(try #require(listing.records.first))
        #expect(try permissions(file) == 0o600)
        #expect(try permissions(store.directory) == 0o700)
        #expect(try permissions(InstallationKey.file(in: dataDirectory)) == 0o600)
    }

    @Test func aRecordIsNeverOverwritten() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let store = try store()
        let record = SampleRecords.record()
        try store.save(record)
        var changed = record
        changed.score?.percent = 100
        #expect(throws: RecordStoreError.self) { try store.save(changed) }
        #expect(store.loadAll().records.map(\.record) == [record])
    }

    /// A crash at any system call of a write leaves no record or a whole one, and nothing
    /// that `records list` reports as damaged.
    @Test func aCrashAtAnyPointLeavesNoRecordOrAWholeOne() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        _ = try store()  // the key exists before the crashes
        let counting = FaultInjectingOperations(crashAt: .max)
        try store(operations: counting).save(SampleRecords.record())
        let callsPerWrite = counting.callCount
        #expect(callsPerWrite >= 7)
        try FileManager.default.removeItem(at: dataDirectory.appending(path: "records"))

        var outcomes: Set<Int> = []
        for crashAt in 0..<callsPerWrite {
            let record = SampleRecords.record()
            _ = try? store(operations: FaultInjectingOperations(crashAt: crashAt)).save(record)
            let listing = try store().loadAll()
            #expect(listing.problems.isEmpty, "crash at call \(crashAt): \(listing.problems)")
            let found = listing.records.filter { $0.record.id == record.id }
            #expect(found.count <= 1)
            for stored in found {
                #expect(stored.record == record)
                try store().verify(stored)
            }
            outcomes.insert(found.count)
        }
        #expect(outcomes == [0, 1], "some crashes come before the record exists, some after")
    }

    @Test func twoHundredTraineesFinishingAtOnce() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let store = try store()
        let failures = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 200) { number in
            do {
                try store.save(SampleRecords.record(name: "Trainee \(number)"))
            } catch {
                failures.withLock { $0 += 1 }
            }
        }
        #expect(failures.withLock { $0 } == 0)
        let listing = store.loadAll()
        #expect(listing.problems.isEmpty)
        #expect(Set(listing.records.map(\.record.trainee.name)).count == 200)
        for stored in listing.records { try store.verify(stored) }
        let index = try String(contentsOf: store.directory.appending(path: "index.log"), encoding: .utf8)
        #expect(index.split(separator: "\n").count == 200, "one whole index line per record, none interleaved")
        #expect(store.summaries().summaries.count == 200)
    }

    /// Every single byte of a record file matters: changing any one is caught.
    @Test func aChangeToAnyByteIsCaught() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let store = try store()
        let file = try store.save(SampleRecords.record(name: "Zoë Łukasiewicz-O'Brien"))
        let original = try Data(contentsOf: file)
        for position in original.indices {
            var changed = original
            changed[position] ^= 0x01
            // Flipping the low bit of every byte hits the unused low bits of the signature's
            // last base64 character too: a change a plain base64 decoder ignores.
            try changed.write(to: file)
            #expect(
                throws: RecordStoreError.self,
                "byte \(position): \(String(decoding: original[max(0, position - 20)..<min(original.count, position + 10)], as: UTF8.self))"
            ) {
                try store.verify(try store.find(file.deletingPathExtension().lastPathComponent))
            }
        }
        try original.write(to: file)
        try store.verify(try store.find(file.deletingPathExtension().lastPathComponent))
    }

    /// The signature's last base64 character has bits no decoder reads: another character with
    /// the same used bits decodes to the same signature, and must still be caught.
    @Test func aSignatureSpelledDifferentlyIsCaught() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let store = try store()
        let file = try store.save(SampleRecords.record())
        let text = try String(contentsOf: file, encoding: .utf8)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        let signature = try #require(text.firstMatch(of: /"value" : "([A-Za-z0-9+\/]+)==?"/))
        let last = try #require(signature.output.1.last)
        let respelled = alphabet[try #require(alphabet.firstIndex(of: last)) ^ 1]
        let value = String(signature.output.1.dropLast()) + String(respelled)
        #expect(Data(base64Encoded: value + "==") == Data(base64Encoded: String(signature.output.1) + "=="))
        try Data(text.replacingOccurrences(of: String(signature.output.1), with: value).utf8).write(to: file)
        #expect(throws: RecordStoreError.self) {
            try store.verify(try store.find(file.deletingPathExtension().lastPathComponent))
        }
    }

    @Test func aCopyUnderAnotherNameIsCaught() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let store = try store()
        let file = try store.save(SampleRecords.record())
        let copy = store.directory.appending(path: "\(UUID().uuidString.lowercased()).json")
        try FileManager.default.copyItem(at: file, to: copy)
        let error = #expect(throws: RecordStoreError.self) {
            try store.verify(try store.find(copy.deletingPathExtension().lastPathComponent))
        }
        #expect(error?.description.contains("under another name") == true)
    }

    @Test func aRecordSignedElsewhereIsNotTrusted() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let store = try store()
        let other = RecordStore(dataDirectory: dataDirectory, key: InstallationKey(privateKey: .init()))
        let file = try other.save(SampleRecords.record())
        let error = #expect(throws: RecordStoreError.self) {
            try store.verify(try store.find(file.deletingPathExtension().lastPathComponent))
        }
        #expect(error?.description.contains("not signed by this installation's key") == true)
    }

    @Test func damagedAndForeignFilesAreReportedByNameAndTheRestStillLoad() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let store = try store()
        try store.save(SampleRecords.record())
        let damaged = store.directory.appending(path: "damaged.json")
        let foreign = store.directory.appending(path: "notes.json")
        try Data("{\"format\": \"csec-trainer-completion-record\", \"record\": {\"schemaVersion\": 1}".utf8).write(to: damaged)
        try Data("{\"shopping\": [\"milk\"]}".utf8).write(to: foreign)
        let listing = store.loadAll()
        #expect(listing.records.count == 1)
        let messages = listing.problems.map(\.description)
        #expect(messages.count == 2)
        #expect(messages.contains { $0.hasPrefix(damaged.path) })
        #expect(messages.contains { $0.hasPrefix(foreign.path) && $0.contains("not a csec-trainer completion record") })
    }

    @Test func aNewerSchemaSaysToUpdate() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let store = try store()
        let file = try store.save(SampleRecords.record())
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(
            of: "\"schemaVersion\" : 1", with: "\"schemaVersion\" : \(CompletionRecord.readableSchemaVersions.max()! + 1)")
        try Data(text.utf8).write(to: file)
        #expect(store.loadAll().problems.first?.description.contains("Update csec-trainer") == true)
    }

    @Test func theKeyIsCreatedOnceEvenWhenManyStartAtOnce() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let keys = Mutex<[Data]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            if let key = try? InstallationKey.loadOrCreate(in: dataDirectory) {
                keys.withLock { $0.append(key.publicKey.rawRepresentation) }
            }
        }
        let found = keys.withLock { $0 }
        #expect(found.count == 8)
        #expect(Set(found).count == 1)
    }

    /// A crash while the key is being created never leaves a half key that blocks the next start.
    @Test func aCrashWhileCreatingTheKeyLeavesNoHalfKey() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        for crashAt in 0..<8 {
            try? FileManager.default.removeItem(at: dataDirectory)
            _ = try? InstallationKey.loadOrCreate(in: dataDirectory, operations: FaultInjectingOperations(crashAt: crashAt))
            let key = try InstallationKey.loadOrCreate(in: dataDirectory)
            #expect(try InstallationKey.loadOrCreate(in: dataDirectory).keyID == key.keyID, "crash at call \(crashAt)")
        }
    }

    @Test func thePublicKeyExportsAsPEM() throws {
        defer { try? FileManager.default.removeItem(at: dataDirectory) }
        let key = try InstallationKey.loadOrCreate(in: dataDirectory)
        let pem = key.publicKey.pemRepresentation
        #expect(pem.hasPrefix("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA"))
        let base64 = pem.split(separator: "\n")[1]
        #expect(Data(base64Encoded: String(base64))?.suffix(32) == key.publicKey.rawRepresentation)
    }

    private func permissions(_ url: URL) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }
}

/// The documented JSON Schema (schemas/completion-record.schema.json) describes the files the
/// store writes, and the frozen version-1 record.
struct CompletionRecordSchemaTests {
    let schema = Fixtures.repositoryRoot.appending(path: "schemas/completion-record.schema.json")

    @Test func aStoredRecordFileMatchesTheSchema() throws {
        let data = FileManager.default.temporaryDirectory.appending(path: "csec-schema-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let store = RecordStore(dataDirectory: data, key: try InstallationKey.loadOrCreate(in: data))
        var record = SampleRecords.record(name: "Nguyễn Thị Minh", hireDate: CalendarDate("2026-11-02"))
        record.mode = .groupSession(id: "ROOM-7", facilitator: "Dana Whitfield")
        let file = try store.save(record)
        #expect(try JSONSchemaCheck.errors(in: Data(contentsOf: file), schema: schema) == [])
    }

    @Test func aGroupAttendanceRecordFileMatchesTheSchema() throws {
        let data = FileManager.default.temporaryDirectory.appending(path: "csec-schema-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let store = RecordStore(dataDirectory: data, key: try InstallationKey.loadOrCreate(in: data))
        let file = try store.save(SampleRecords.attendance())
        #expect(try JSONSchemaCheck.errors(in: Data(contentsOf: file), schema: schema) == [])
    }

    @Test(arguments: [
        "record-v1.json", "record-v2-attendance.json", "record-v3-issuer.json", "record-v4-web.json", "record-v5-pretest.json",
    ])
    func theFrozenRecordsMatchTheSchema(_ name: String) throws {
        let fixture = Fixtures.repositoryRoot.appending(path: "Tests/RecordsTests/Fixtures/\(name)")
        #expect(try JSONSchemaCheck.errors(in: Data(contentsOf: fixture), schema: schema, definition: "record") == [])
    }

    @Test func theSchemaRefusesWhatIsWrong() throws {
        var record = SampleRecords.record()
        record.score?.percent = 140
        let encoder = JSONEncoder()
        let errors = try JSONSchemaCheck.errors(in: encoder.encode(record), schema: schema, definition: "record")
        #expect(errors.contains { $0.hasPrefix("score/percent") })
        // A scored mode needs its score; group attendance has none.
        var unscored = SampleRecords.record()
        unscored.score = nil
        #expect(try !JSONSchemaCheck.errors(in: encoder.encode(unscored), schema: schema, definition: "record").isEmpty)
        var scoredAttendance = SampleRecords.attendance()
        scoredAttendance.score = SampleRecords.record().score
        #expect(
            try !JSONSchemaCheck.errors(in: encoder.encode(scoredAttendance), schema: schema, definition: "record").isEmpty)
        var withoutSummary = SampleRecords.attendance()
        withoutSummary.attendance = nil
        #expect(
            try !JSONSchemaCheck.errors(in: encoder.encode(withoutSummary), schema: schema, definition: "record").isEmpty)
        var versionOne = SampleRecords.attendance()
        versionOne.schemaVersion = 1
        #expect(
            try !JSONSchemaCheck.errors(in: encoder.encode(versionOne), schema: schema, definition: "record").isEmpty)
    }
}
