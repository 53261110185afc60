import Foundation
import LocalStore
import TestSupport
import Testing

/// A progress file that cannot be written is named, with the reason in words.
struct ProgressStoreErrorTests {
    @Test func aSaveThatFailsSaysWhyInWords() throws {
        let store = ProgressStore(directory: try Fixtures.temporaryDirectory())
        defer { try? FileManager.default.removeItem(at: store.directory) }
        let progress = ProgressStoreTests.progress("Ana Ruiz")
        let file = store.file(for: progress.trainee)
        try FileManager.default.createDirectory(at: file, withIntermediateDirectories: true)

        let error = try #require(throws: StoreError.self) { try store.save(progress) }
        let message = error.description
        #expect(message.hasPrefix("\(file.path): error: cannot save ("), "\(message)")
        #expect(!message.contains("NSCocoaErrorDomain") && !message.contains("The operation could not"), "\(message)")
        #expect(message.contains("directory"), "\(message)")
        #expect(!message.contains("--"), "a library names no command-line flag: \(message)")
        #expect(message.hasSuffix(".") && !message.hasSuffix(".."), "\(message)")
    }
}
