/// Small helpers for the sentences the engine and the questions build.
extension String {
    /// "the student …" → "The student …".
    public var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
    /// "Involve law enforcement" → "involve law enforcement"; an acronym ("SRO to …") stays.
    public var lowercasedFirst: String {
        let start = prefix(2)
        guard start.count < 2 || start.last?.isUppercase != true else { return self }
        return prefix(1).lowercased() + dropFirst()
    }
    /// A sentence without its final period, to join it into another.
    public var trimmingTrailingPeriod: String {
        utf8.last == UInt8(ascii: ".") ? String(decoding: utf8.dropLast(), as: UTF8.self) : self
    }
}
