/// The kinds of situation the protocols respond to. Each county's categories say which of
/// these they cover: Orange County's one merged category covers three of them, San Diego
/// covers no at-risk situation at all.
///
/// The cases are listed in precedence order: when the facts show several situations at once,
/// the first one that the jurisdiction covers decides the category.
public enum Situation: String, Sendable, Codable, Equatable, CaseIterable, Comparable {
    case confirmedVictim = "confirmed-victim"
    case suspectedVictim = "suspected-victim"
    case suspectedRecruitment = "suspected-recruitment"
    case atRisk = "at-risk"

    public var name: String {
        switch self {
        case .confirmedVictim: "confirmed victim"
        case .suspectedVictim: "suspected victim"
        case .suspectedRecruitment: "suspected recruitment or exploitation of others by the student"
        case .atRisk: "at risk"
        }
    }

    /// The situation in a sentence: "an at-risk situation", "a suspected-victim situation".
    public var described: String {
        switch self {
        case .confirmedVictim: "a confirmed-victim situation"
        case .suspectedVictim: "a suspected-victim situation"
        case .suspectedRecruitment: "a situation of suspected recruitment or exploitation of others by the student"
        case .atRisk: "an at-risk situation"
        }
    }

    /// Whether this situation already includes `other`: a confirmed victim is, a fortiori, a
    /// suspected one, so saying both would only confuse.
    public func includes(_ other: Situation) -> Bool {
        self == other || (self == .confirmedVictim && other == .suspectedVictim)
    }

    public static func < (lhs: Situation, rhs: Situation) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
