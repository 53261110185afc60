import Yams

extension Node {
    /// The line and column of the node at `path`, or of the deepest node on the way to it.
    ///
    /// For a key the mapping does not have, the mapping's own position is returned. With
    /// `pointingAtKey`, the position of the path's last key itself (where a typo would be)
    /// rather than of its value.
    func location(of path: DocumentPath, pointingAtKey: Bool = false) -> SourceLocation? {
        var node = self
        var found = mark
        for (position, component) in path.components.enumerated() {
            let isLast = position == path.components.count - 1
            switch (component, node) {
            case (.key(let key), .mapping(let mapping)):
                guard let pair = mapping.first(where: { $0.key.string == key }) else { return found.map(SourceLocation.init) }
                found = (isLast && pointingAtKey ? pair.key.mark : pair.value.mark) ?? found
                node = pair.value
            case (.index(let index), .sequence(let sequence)) where index < sequence.count:
                node = sequence[index]
                found = node.mark ?? found
            default:
                return found.map(SourceLocation.init)
            }
        }
        return found.map(SourceLocation.init)
    }
}

extension SourceLocation {
    init(_ mark: Mark) {
        self.init(line: mark.line, column: mark.column)
    }
}
