extension CSecTrainer {
    /// The version `csec-trainer --version` prints: the one place it is written.
    static let version = "0.1.0"
}
