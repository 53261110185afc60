/// What a front end drives: a training session, with whatever has to happen around each input
/// (an attempt of the application layer saves each answer before its feedback is returned).
/// A bare ``TrainingSession`` is one too, saving nothing.
public protocol TrainingSessionDriver {
    var session: TrainingSession { get }
    /// The effects to begin (or resume) with.
    mutating func start() throws -> [TrainingSession.Effect]
    /// The effects of `input`, once whatever they depend on (a save) is done.
    mutating func handle(_ input: TrainingSession.Input) throws -> [TrainingSession.Effect]
}

extension TrainingSession: TrainingSessionDriver {
    public var session: TrainingSession { self }
}
