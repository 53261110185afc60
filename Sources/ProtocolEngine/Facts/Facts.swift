/// What is known about a student and the case: observed indicators and case flags.
public struct Facts: Sendable, Codable, Equatable, Hashable {
    public var indicators: Set<IndicatorID>
    public var flags: Set<CaseFlag>

    public init(indicators: Set<IndicatorID> = [], flags: Set<CaseFlag> = []) {
        self.indicators = indicators
        self.flags = flags
    }

    public func has(_ flag: CaseFlag) -> Bool {
        flags.contains(flag)
    }
}
