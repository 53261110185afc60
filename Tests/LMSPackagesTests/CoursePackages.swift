import Completion
import ContentLoading
import Foundation
import LMSPackages
import ProtocolEngine
import ScenarioEngine
import Scoring
import TestSupport
import Training
import ZIPFoundation

/// The bundled content's packages, as `export scorm|cmi5` makes them, and the plan they come
/// from, built here on its own so tests compare the player's content with the engine's.
enum CoursePackages {
    static let seed: UInt64 = PackageExport.defaultSeed

    static func export() throws -> PackageExport {
        let directory = Fixtures.content
        let training = try Fixtures.trainingContent()
        let materials = try BriefingMaterials.load(
            from: directory, library: training.library, siteFile: nil, dataDirectory: try Fixtures.temporaryDirectory())
        return PackageExport(
            content: training, materials: materials, playerDirectory: PackageExport.playerDirectory(of: directory))
    }

    /// The course plan for `jurisdiction`, as the engine draws it.
    static func plan(_ jurisdiction: String, seed: UInt64 = seed) throws -> TrainingPlan {
        let training = try Fixtures.trainingContent()
        return TrainingPlan(
            bank: training.vignettes, jurisdiction: try Fixtures.jurisdiction(jurisdiction), length: .course, seed: seed,
            builder: training.questionBuilder)
    }

    static func content(_ jurisdiction: String) throws -> PlayerContent {
        try export().playerContent(for: try Fixtures.jurisdiction(jurisdiction), seed: seed)
    }

    /// The package's files, read back from its zip.
    static func unzipped(_ zip: Data) throws -> [String: Data] {
        let archive = try Archive(data: zip, accessMode: .read)
        var files: [String: Data] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            files[entry.path] = bytes
        }
        return files
    }

    /// The schemas and checks shipped with these tests.
    static let fixtures = URL(filePath: #filePath).deletingLastPathComponent().appending(path: "Fixtures")
}
