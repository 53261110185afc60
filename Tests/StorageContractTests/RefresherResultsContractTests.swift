import ContentLoading
import Foundation
import LocalStore
import Records
import Storage
import TestSupport
import Testing

@testable import Completion

/// Who took a refresher and whether their weak area improved, read through each backend (the
/// signed files; PostgreSQL when reachable, and always in CI): the same results from the same
/// records.
@Suite struct RefresherResultsContractTests {
    typealias Planted = KnowledgeGainContractTests

    /// Ana missed the first category's question in her passed training and got it right in her
    /// refresher; Ben missed it both times; Cleo passed and took no refresher; Dee took a
    /// refresher with no passed training before it.
    static func records() throws -> [CompletionRecord] {
        let first = try Planted.categoryOption(0)
        return [
            Planted.attempt("Ana", school: "Redwood High", .training, minute: 0, category: first, right: [false, true]),
            Planted.attempt("Ben", school: "Tam High", .training, minute: 1, category: first, right: [false, false]),
            Planted.attempt("Cleo", school: "Tam High", .training, minute: 2, category: first, right: [true, true]),
            Planted.attempt("Dee", school: "Tam High", .refresher, minute: 3, category: first, right: [true, true]),
            Planted.attempt("Ana", school: "Redwood High", .refresher, minute: 30, category: first, right: [true, true]),
            Planted.attempt("Ben", school: "Tam High", .refresher, minute: 31, category: first, right: [false, false]),
        ]
    }

    @Test(arguments: Backend.underTest)
    func theResultsComeThroughTheStore(backend: Backend) async throws {
        try await backend.withStore { store in
            for record in try Self.records() { _ = try await store.repository.saveOnce(record) }
            let progress = FileManager.default.temporaryDirectory.appending(path: "csec-progress-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: progress) }
            let training = SelfPacedTraining(
                content: try Planted.library.get(), progress: ProgressStore(directory: progress),
                records: store.repository)
            let results = try await training.refresherResults()
            #expect(results.map(\.trainee.name) == ["Ana", "Ben"])
            #expect(results.map(\.before.percent) == [50, 0])
            #expect(results.map(\.after.percent) == [100, 0])
            #expect(results.map(\.improved) == [true, false])
        }
    }
}
