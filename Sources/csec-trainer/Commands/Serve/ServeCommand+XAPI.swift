import Completion
import ContentLoading
import Foundation

extension ServeRunCommand {
    /// With --lrs: the channel each finished attempt's statements go through, and the sender that
    /// delivers them in the background; nil without.
    func statementSending(training: TrainingContent) throws -> (StatementChannel, StatementSender<ContinuousClock>)? {
        guard let channel = try lrs.channel(xapi, content: training, data: data) else { return nil }
        return (channel, StatementSender(delivery: channel.delivery(clock: ContinuousClock())))
    }
}
