/// A node of a parsed YAML document, with the place in the file where it starts.
///
/// Built by ``YAMLComposer`` from libyaml's events; aliases are already replaced by the nodes
/// they name, and merge keys (`<<`) by the pairs they bring in. Tags are not kept: the content
/// formats do not use them, and a tagged scalar (`!!str 5`) counts as quoted, so it is read as
/// text.
struct YAMLNode: Sendable {
    enum Content: Sendable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    var content: Content
    var start: SourceLocation
}

struct YAMLScalar: Sendable {
    var text: String
    /// Written without quotes, block indicator or tag, so `null`, `true` and `12` keep their
    /// YAML 1.1 meanings (``PlainScalar``).
    var isPlain: Bool
}

struct YAMLPair: Sendable {
    var key: YAMLNode
    var value: YAMLNode
}

extension YAMLNode {
    var scalar: YAMLScalar? {
        if case .scalar(let scalar) = content { scalar } else { nil }
    }

    var pairs: [YAMLPair]? {
        if case .mapping(let pairs) = content { pairs } else { nil }
    }

    /// The value of the pair whose key is the scalar `key`.
    subscript(key: String) -> YAMLNode? {
        pairs?.first { $0.key.scalar?.text == key }?.value
    }
}
