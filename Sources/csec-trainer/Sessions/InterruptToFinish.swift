import Dispatch

#if canImport(Glibc)
    import Glibc
#endif

/// Ctrl-C while a group session is hosted: end the session and write every participant's record,
/// then exit, instead of losing the room's answers.
///
/// SIGINT is ignored as a signal and taken from a dispatch source instead, which runs `finish`
/// on a queue of its own while the console waits for input.
final class InterruptToFinish {
    private let source: any DispatchSourceSignal

    init(_ finish: @escaping @Sendable () throws -> Void) {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: DispatchQueue(label: "csec-trainer.interrupt"))
        source.setEventHandler {
            print("\nStopping: the session ends and the answers given are recorded.")
            do {
                try finish()
                exit(0)
            } catch {
                exit(1)
            }
        }
        source.resume()
    }

    func cancel() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}
