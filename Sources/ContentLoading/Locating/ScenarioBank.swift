import Dispatch
import Foundation
import ProtocolEngine
import ScenarioEngine
import Synchronization

/// A directory of vignette files, loaded and checked.
public struct ScenarioBank: Sendable {
    public var vignettes: [Vignette]
    /// Every problem found, or nil when there are none.
    public var error: ContentError?

    /// Loads every `*.yaml` file in `directory`. All files are read, and all their problems
    /// reported together, in file-name order; `checkingExpectations` also compares each
    /// author's `expect:` with the protocol engine (what `scenarios lint` does).
    ///
    /// Files are parsed and checked in parallel (each on its own); the checks that involve
    /// several files (ids) run after, in order.
    public static func load(from directory: URL, library: ProtocolLibrary, checkingExpectations: Bool = false)
        throws(ContentError)
        -> ScenarioBank
    {
        let files = try yamlFiles(in: directory)
        let parsed = parseInParallel(files, library: library, checkingExpectations: checkingExpectations)

        var vignettes: [Vignette] = []
        var owners: [VignetteID: String] = [:]
        var errors: [ContentError] = []
        for (file, outcome) in zip(files, parsed) {
            let name = file.displayPath
            switch outcome {
            case .failure(let error):
                errors.append(contentsOf: error.all)
            case .success(let (vignette, idLocation)):
                guard file.stem == vignette.id.rawValue else {
                    let problem = ContentProblem.idIsNotFileName(id: vignette.id.rawValue, fileName: file.stem)
                    errors.append(.invalid(file: name, at: idLocation, problem: problem))
                    continue
                }
                // With ids equal to file names, a duplicate is `x.yaml` beside `x.yml`.
                if let other = owners[vignette.id] {
                    let problem = ContentProblem.duplicateVignette(id: vignette.id.rawValue, otherFile: other)
                    errors.append(.invalid(file: name, at: idLocation, problem: problem))
                    continue
                }
                owners[vignette.id] = name
                vignettes.append(vignette)
            }
        }
        return ScenarioBank(vignettes: vignettes, error: errors.isEmpty ? nil : errors.count == 1 ? errors[0] : .several(errors))
    }

    private typealias Outcome = Result<(vignette: Vignette, idLocation: SourceLocation?), ContentError>

    private static func parseInParallel(_ files: [ContentFile], library: ProtocolLibrary, checkingExpectations: Bool) -> [Outcome]
    {
        let outcomes = Mutex([Outcome?](repeating: nil, count: files.count))
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let file = files[index]
            let outcome = Outcome { () throws(ContentError) in
                try ContentParser.locatedVignette(
                    fromYAML: readText(file.url), fileName: file.displayPath, library: library,
                    checkingExpectations: checkingExpectations)
            }
            outcomes.withLock { $0[index] = outcome }
        }
        return outcomes.withLock { $0.map { $0! } }
    }
}
