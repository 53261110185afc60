import ContentLoading
import Foundation
import ScenarioEngine
import TestSupport
import Testing

/// Hundreds of files made by breaking the bundled protocols and vignettes at random
/// (``ContentMutator``, from a fixed seed): each must load, or fail with errors that name it,
/// within ``ContentBombs/timeBound``. Before ``ContentLimit``, such files hung the loader.
struct MalformedContentFuzzTests {
    static let seed: UInt64 = 20_261_007
    static let fileCount = 300

    struct Original {
        var name: String
        var isProtocol: Bool
        var bytes: [UInt8]
    }

    static func originals() throws -> [Original] {
        let content = Fixtures.content
        func files(in directory: URL, areProtocols: Bool) throws -> [Original] {
            try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }.sorted().map {
                Original(name: $0, isProtocol: areProtocols, bytes: Array(try Data(contentsOf: directory.appending(path: $0))))
            }
        }
        return try files(in: content.protocolsDirectory, areProtocols: true)
            + files(in: content.scenariosDirectory, areProtocols: false)
    }

    @Test func everyMutatedFileLoadsOrFailsInTime() throws {
        let library = try Fixtures.library()
        let originals = try Self.originals()
        try #require(originals.count(where: \.isProtocol) == 5 && originals.count > 40)
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }

        var generator = SplitMix64(seed: Self.seed)
        for index in 0..<Self.fileCount {
            // One protocol in four, so that each of the five is broken a dozen ways or more.
            let pool =
                Bool.random(using: &generator) && Bool.random(using: &generator) ? originals.filter(\.isProtocol) : originals
            let original = pool.randomElement(using: &generator)!
            let bytes = ContentMutator.mutate(original.bytes, using: &generator)
            let folder = directory.appending(path: "\(index)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(bytes).write(to: folder.appending(path: original.name))

            var errors: [ContentError] = []
            let duration = threadCPUTime {
                errors = Self.load(folder, isProtocol: original.isProtocol, library: library)
            }
            let what = "file \(index): \(original.name) broken, \(bytes.count) bytes"
            #expect(duration < ContentBombs.timeBound, "\(what) took \(duration)")
            for error in errors {
                #expect(error.file?.hasSuffix("/\(index)/\(original.name)") == true, "\(what): \(error)")
            }
            try FileManager.default.removeItem(at: folder)
        }
    }

    /// The file's errors, or none when it loads.
    private static func load(_ folder: URL, isProtocol: Bool, library: ProtocolLibrary) -> [ContentError] {
        do {
            if isProtocol {
                _ = try ContentDirectory.loadProtocols(in: folder, vocabulary: library.vocabulary)
                return []
            }
            return try ScenarioBank.load(from: folder, library: library, checkingExpectations: true).error?.all ?? []
        } catch {
            return error.all
        }
    }
}
