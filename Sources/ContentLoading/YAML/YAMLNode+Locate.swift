extension YAMLNode {
    /// The line and column of the node at `path`, or of the deepest node on the way to it.
    ///
    /// For a key the mapping does not have, the mapping's own position is returned. With
    /// `pointingAtKey`, the position of the path's last key itself (where a typo would be)
    /// rather than of its value.
    func location(of path: DocumentPath, pointingAtKey: Bool = false) -> SourceLocation {
        var node = self
        var found = start
        for (position, component) in path.components.enumerated() {
            let isLast = position == path.components.count - 1
            switch (component, node.content) {
            case (.key(let key), .mapping(let pairs)):
                guard let pair = pairs.first(where: { $0.key.scalar?.text == key }) else { return found }
                found = isLast && pointingAtKey ? pair.key.start : pair.value.start
                node = pair.value
            case (.index(let index), .sequence(let items)) where index < items.count:
                node = items[index]
                found = node.start
            default:
                return found
            }
        }
        return found
    }
}
