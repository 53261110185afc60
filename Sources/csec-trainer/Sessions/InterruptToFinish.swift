import ArgumentParser
import Dispatch
import TerminalUI

#if canImport(Glibc)
    import Glibc
#endif

/// Ctrl-C, SIGTERM (a `kill`, a service manager stopping the program) or SIGHUP (the terminal
/// or the SSH connection closing) while a group session is hosted: end the session and write
/// every participant's record and the roster, then exit, exactly as `end` does, instead of
/// losing the room's answers.
///
/// Each of these signals is ignored as a signal and taken from a dispatch source instead, which
/// runs the finish on a queue of its own while the console waits for input. They stay so until
/// the program ends: a signal while the console's own finish (or an earlier signal's) is writing
/// waits for it.
final class InterruptToFinish {
    /// The signals that end a hosted session.
    static let signals = [SIGINT, SIGTERM, SIGHUP]

    private let sources: [any DispatchSourceSignal]

    init(_ finish: FinishOnce) {
        let queue = DispatchQueue(label: "csec-trainer.interrupt")
        sources = Self.signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
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
            return source
        }
    }
}
