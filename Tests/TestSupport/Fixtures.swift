import ContentLoading
import Foundation
import ProtocolEngine

/// The repository's own content, for tests.
public enum Fixtures {
    /// The repository root, found from this file's path.
    public static let repositoryRoot = URL(filePath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let content = ContentDirectory(root: repositoryRoot)

    /// The five bundled jurisdictions, for tests that run once per county.
    public static let jurisdictionIDs = ["sro-flowchart", "san-mateo", "san-diego", "marin", "orange-county"]

    /// The bundled vocabulary and the five county protocols.
    public static func library() throws -> ProtocolLibrary {
        try content.loadLibrary()
    }

    /// Everything a training session uses: protocols, mistakes, policy and the vignette bank.
    public static func trainingContent() throws -> TrainingContent {
        try content.loadTrainingContent()
    }

    /// The bundled protocol `id`; fails the test's `try` if it is missing.
    public static func jurisdiction(_ id: String) throws -> JurisdictionProtocol {
        guard let found = try library().jurisdiction(id) else { throw FixtureError.missingJurisdiction(id) }
        return found
    }

    /// The seed files shipped with the protocols.
    public static let seedsDirectory = repositoryRoot.appending(path: "Scoring/seeds")

    /// A new empty temporary directory.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "csec-trainer-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

public enum FixtureError: Error {
    case missingJurisdiction(String)
    case missingStep(String)
}

extension SituationCategory {
    /// The first step that asks `action`, for tests that find steps by meaning, not number.
    public func firstStep(asking action: ActionID) throws -> ProtocolStep {
        guard let step = steps.first(where: { $0.actions.contains(action) }) else {
            throw FixtureError.missingStep("\(id) has no step asking \(action)")
        }
        return step
    }

    /// CaseProgress with every step before `step` done.
    public func progress(before step: ProtocolStep) -> CaseProgress {
        CaseProgress(completedSteps: Set(steps.map(\.number).filter { $0 < step.number }))
    }
}
