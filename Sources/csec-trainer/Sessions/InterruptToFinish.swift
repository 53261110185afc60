import ArgumentParser
import Dispatch
import TerminalUI

#if canImport(Glibc)
    import Glibc
#endif

/// Ctrl-C while a group session is hosted: end the session and write every participant's record,
/// then exit, instead of losing the room's answers.
///
/// SIGINT is ignored as a signal and taken from a dispatch source instead, which runs the
/// finish on a queue of its own while the console waits for input. It stays so until the
/// program ends: a Ctrl-C while the console's own finish is writing waits for it.
final class InterruptToFinish {
    private let source: any DispatchSourceSignal

    init(_ finish: FinishOnce) {
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: DispatchQueue(label: "csec-trainer.interrupt"))
        source.setEventHandler {
            ReadlineLineReader.restoreTerminal()
            print("\nStopping: the session ends and the answers given are recorded.")
            do {
                try finish.run()
                exit(0)
            } catch let code as ExitCode {
                exit(code.rawValue)  // its message is printed
            } catch {
                StandardError.print("error: \(error)")
                exit(1)
            }
        }
        source.resume()
    }
}
