/// Gathers every problem in a document so that one run reports them all.
struct ProblemCollector {
    let document: YAMLDocument
    private(set) var errors: [ContentError] = []

    init(document: YAMLDocument) {
        self.document = document
    }

    mutating func report(_ problem: ContentProblem, at path: DocumentPath) {
        errors.append(document.error(at: path, problem))
    }

    /// Reports each id that appears earlier in `ids` too.
    mutating func reportDuplicates(_ ids: [String], kind: String, at path: (Int) -> DocumentPath) {
        var seen: Set<String> = []
        for (index, id) in ids.enumerated() where !seen.insert(id).inserted {
            report(.duplicateID(kind: kind, id: id), at: path(index))
        }
    }

    /// Throws what was gathered, if anything.
    func finish() throws(ContentError) {
        switch errors.count {
        case 0: return
        case 1: throw errors[0]
        default: throw ContentError.several(errors)
        }
    }
}
