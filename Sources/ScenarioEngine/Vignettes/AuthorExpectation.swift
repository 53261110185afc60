import ProtocolEngine

/// The answers an author intends for a vignette under one jurisdiction.
public struct AuthorExpectation: Sendable, Codable, Equatable {
    /// The category id, or nil for "does not meet protocol criteria".
    public var category: CategoryID?
    /// The next step at each stage, in order; may be shorter than the stages.
    public var nextSteps: [ExpectedStep]

    public init(category: CategoryID?, nextSteps: [ExpectedStep] = []) {
        self.category = category
        self.nextSteps = nextSteps
    }
}

/// An expected next step: a step number, the emergency rule, protocol complete, or none (the
/// facts meet no category at that stage, so there is no step to ask).
public enum ExpectedStep: Sendable, Codable, Equatable, Hashable, CustomStringConvertible {
    case step(Int)
    case emergency
    case complete
    case none

    public init(_ decision: NextStepDecision) {
        switch decision.kind {
        case .emergency: self = .emergency
        case .complete: self = .complete
        case .step, .alternative: self = .step(decision.step?.number ?? 0)
        }
    }

    public var description: String {
        switch self {
        case .step(let number): "step \(number)"
        case .emergency: "emergency"
        case .complete: "complete"
        case .none: "none"
        }
    }
}
