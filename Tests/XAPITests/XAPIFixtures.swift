import Foundation
import Records
import TestSupport

/// The frozen completion records of every schema version (Tests/RecordsTests/Fixtures).
enum FrozenRecords {
    static let names = [
        "record-v1.json", "record-v2-attendance.json", "record-v3-issuer.json", "record-v4-web.json", "record-v5-pretest.json",
    ]

    static func record(_ name: String) throws -> CompletionRecord {
        let file = Fixtures.repositoryRoot.appending(path: "Tests/RecordsTests/Fixtures/\(name)")
        return try JSONDecoder().decode(CompletionRecord.self, from: Data(contentsOf: file))
    }
}
