/// One item: a question kind at one stage of one vignette ("the category question at stage 2 of
/// `bus-stop-imminent`"). The same item recurs across attempts whatever its option order.
public struct ItemKey: Sendable, Codable, Equatable, Hashable, Comparable {
    public var vignette: String
    /// 1 for the first stage, as in the records.
    public var stage: Int
    /// "category" or "next-step".
    public var kind: String

    public init(vignette: String, stage: Int, kind: String) {
        self.vignette = vignette
        self.stage = stage
        self.kind = kind
    }

    /// `vignette#stage/kind`, for charts and tables.
    public var label: String { "\(vignette)#\(stage)/\(kind)" }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.vignette, lhs.stage, lhs.kind) < (rhs.vignette, rhs.stage, rhs.kind)
    }
}
