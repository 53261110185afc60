/// A path into a YAML document: mapping keys and sequence indexes.
struct DocumentPath: Sendable, Equatable, CustomStringConvertible {
    enum Component: Sendable, Equatable {
        case key(String)
        case index(Int)
    }

    var components: [Component]

    init(_ components: [Component] = []) {
        self.components = components
    }

    init(codingPath: [any CodingKey]) {
        components = codingPath.map { key in key.intValue.map(Component.index) ?? .key(key.stringValue) }
    }

    static func / (path: DocumentPath, key: String) -> DocumentPath {
        DocumentPath(path.components + [.key(key)])
    }

    static func / (path: DocumentPath, index: Int) -> DocumentPath {
        DocumentPath(path.components + [.index(index)])
    }

    /// The last key in the path, for messages ("actions" for categories[0].steps[1].actions[2]).
    var lastKey: String {
        for component in components.reversed() {
            if case .key(let key) = component { return key }
        }
        return "(top level)"
    }

    var description: String {
        components.map { component in
            switch component {
            case .key(let key): ".\(key)"
            case .index(let index): "[\(index)]"
            }
        }.joined()
    }
}
