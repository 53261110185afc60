import ArgumentParser
import Records

/// Dates on the command line are written YYYY-MM-DD; anything else is refused with that hint.
extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }
}
