import Foundation
import Records

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension RecordStore {
    /// What ``answerSheets(trusting:)`` found.
    public struct AnswerSheets: Sendable {
        public var sheets: [AnswerSheet]
        public var problems: [RecordStoreError]
    }

    var answerIndex: AnswerIndex { AnswerIndex(directory: directory, installationKey: key) }

    /// The answer sheet of every record, for item analysis: from the answer index where its
    /// line checks out and the record file is still the one the line was taken from; else from
    /// the record file once it verifies (with `trusted` keys when given, else this
    /// installation's), and a new line is written. A record that does not verify is a problem,
    /// never counted, and so is a line that does not check out.
    public func answerSheets(trusting trusted: TrustedKeys? = nil) -> AnswerSheets {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            return AnswerSheets(sheets: [], problems: [])
        }
        let index = answerIndex
        var reading = index.read()
        let records = names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
        let folder = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { if folder >= 0 { close(folder) } }
        let identities = ParallelMap.map(records) { FileIdentity(name: $0, in: folder) }
        var sheets: [AnswerSheet] = []
        sheets.reserveCapacity(records.count)
        var unindexed: [URL] = []
        for (name, identity) in zip(records, identities) {
            if let entry = reading.entries.removeValue(forKey: String(name.dropLast(5))), let identity,
                entry.identity == identity
            {
                sheets.append(entry.sheet)
            } else {
                unindexed.append(directory.appending(path: name))
            }
        }
        let read = Self.readInParallel(unindexed) { stored throws(RecordStoreError) in
            if let trusted { try Self.verify(stored, trusting: trusted) } else { try verify(stored) }
        }
        let repaired = read.records.map { AnswerSheet($0.record) }
        index.append(
            zip(read.records, repaired).compactMap { stored, sheet in
                stored.identity.map { AnswerIndex.Entry(sheet: sheet, identity: $0) }
            })
        let damaged = reading.damagedLines.map { RecordStoreError.indexLineAltered(path: index.file.path, line: $0) }
        sheets.append(contentsOf: repaired)
        return AnswerSheets(sheets: sheets, problems: read.problems + damaged)
    }
}
