import Completion
import ContentLoading
import Foundation
import LRSDelivery
import Logging
import Storage
import XAPI

extension ServeRunCommand {
    /// With --lrs: what sends each finished attempt's statements to the LRS; nil without.
    func statementSending(training: TrainingContent) throws -> ServeStatements? {
        guard let (endpoint, client) = try lrs.client() else { return nil }
        let outbox = StatementOutbox(directory: StatementOutbox.directory(in: data.directory, for: endpoint))
        let delivery = StatementDelivery(outbox: outbox, transport: client, clock: ContinuousClock())
        return ServeStatements(
            endpoint: endpoint, outbox: outbox, sender: StatementSender(delivery: delivery), actors: try xapi.actors(data),
            content: training)
    }
}

/// The district server's statements: queued as each record is stored, sent in the background.
struct ServeStatements: Sendable {
    let endpoint: URL
    let outbox: StatementOutbox
    let sender: StatementSender<ContinuousClock>
    let actors: ActorPolicy
    let content: TrainingContent

    /// `base`, queueing each stored record's statements and nudging the sender.
    func records(over base: any RecordRepository, logger: Logger) -> any RecordRepository {
        let export = StatementExport(records: base, actors: actors, content: content)
        return StatementQueueingRepository(base: base, export: export, outbox: outbox) { [sender] queued in
            switch queued {
            case .success: sender.nudge()
            case .failure(let error):
                logger.error("xAPI statements not queued (records send queues them later)", metadata: ["error": "\(error)"])
            }
        }
    }

    /// Queues every stored record not queued or delivered before (one stored while the server was
    /// down, or whose queueing failed), then sends until cancelled, logging what each delivery did.
    func run(records: any RecordRepository, logger: Logger) async {
        logger.notice("sending xAPI statements", metadata: ["lrs": "\(endpoint.absoluteString)"])
        do {
            let queued = try await StatementExport(records: records, actors: actors, content: content).enqueueAll(into: outbox)
            if queued.queued > 0 { logger.info("xAPI statements queued", metadata: ["records": "\(queued.queued)"]) }
            for problem in queued.problems {
                logger.warning("xAPI statements not queued for a record", metadata: ["problem": "\(problem)"])
            }
        } catch {
            logger.error("xAPI statements not queued (records send queues them later)", metadata: ["error": "\(error)"])
        }
        await sender.run { result in
            switch result {
            case .success(let report):
                if !report.delivered.isEmpty || report.stillQueued > 0 {
                    logger.info(
                        "xAPI delivery",
                        metadata: ["delivered": "\(report.delivered.count)", "still queued": "\(report.stillQueued)"])
                }
                for problem in report.conflicts + report.refused {
                    logger.warning(
                        "xAPI statements kept", metadata: ["record": "\(problem.recordID)", "lrs": "\(problem.message)"])
                }
                if let stopped = report.stopped { logger.warning("xAPI delivery stopped: \(stopped.description)") }
            case .failure(let error):
                logger.warning("xAPI delivery: \(error.description)")
            }
        }
    }
}
