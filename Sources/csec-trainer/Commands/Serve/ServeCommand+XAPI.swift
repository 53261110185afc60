import Completion
import ContentLoading
import Foundation
import Logging

extension ServeRunCommand {
    /// With --lrs: the channel each finished attempt's statements go through, and the sender that
    /// delivers them in the background; nil without.
    func statementSending(training: TrainingContent) throws -> (StatementChannel, StatementSender<ContinuousClock>)? {
        guard let channel = try lrs.channel(xapi, content: training, data: data) else { return nil }
        return (channel, StatementSender(delivery: channel.delivery(clock: ContinuousClock())))
    }
}

extension Logger {
    /// A line for what the background sending did.
    func log(_ event: StatementChannel.Event) {
        switch event {
        case .backlogQueued(let queued):
            if queued.queued > 0 { info("xAPI statements queued", metadata: ["records": "\(queued.queued)"]) }
            for problem in queued.problems {
                warning("xAPI statements not queued for a record", metadata: ["problem": "\(problem)"])
            }
        case .notQueued(let error):
            self.error("xAPI statements not queued (records send queues them later)", metadata: ["error": "\(error)"])
        case .delivered(let report):
            if !report.delivered.isEmpty || report.stillQueued > 0 {
                info(
                    "xAPI delivery",
                    metadata: ["delivered": "\(report.delivered.count)", "still queued": "\(report.stillQueued)"])
            }
            for problem in report.conflicts + report.refused {
                warning("xAPI statements kept", metadata: ["record": "\(problem.recordID)", "lrs": "\(problem.message)"])
            }
            if let stopped = report.stopped { warning("xAPI delivery stopped: \(stopped.description)") }
        case .deliveryFailed(let error):
            warning("xAPI delivery: \(error.description)")
        }
    }
}
