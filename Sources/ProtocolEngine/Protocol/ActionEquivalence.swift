/// A county's own definition of one action through others: "a mandated report is filed by
/// calling Children and Family Services" makes the report count as that call, in that county only.
///
/// Kept as data in the protocol file, with the printed words it rests on, so the engine
/// follows each county's definitions without a special case in code.
public struct ActionEquivalence: Sendable, Codable, Equatable, Hashable {
    /// The action that counts as done.
    public var action: ActionID
    /// When every one of these actions is done.
    public var doneBy: [ActionID]
    /// The county's printed words that define it.
    public var quote: String
    /// Why the quote is read this way.
    public var reading: String?

    public init(action: ActionID, doneBy: [ActionID], quote: String, reading: String? = nil) {
        self.action = action
        self.doneBy = doneBy
        self.quote = quote
        self.reading = reading
    }
}

extension JurisdictionProtocol {
    /// The actions that count as done in this county once `done` are: `done` and, repeatedly,
    /// every action the county defines through actions already counted.
    public func actionsCounted(asDone done: Set<ActionID>) -> Set<ActionID> {
        guard !equivalences.isEmpty else { return done }
        var counted = done
        var changed = true
        while changed {
            changed = false
            for equivalence in equivalences
            where !counted.contains(equivalence.action) && equivalence.doneBy.allSatisfy(counted.contains) {
                counted.insert(equivalence.action)
                changed = true
            }
        }
        return counted
    }
}
