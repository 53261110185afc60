import Foundation

/// An invitation's expiry as people read it: "December 14, 2026, 5:00 PM PST", in the
/// district's time zone. Fixed locale and calendar, never the machine's.
struct InvitationExpiryText {
    /// The time zone the district works in.
    let timeZone: TimeZone

    func text(_ date: Date) -> String {
        let style = Date.VerbatimFormatStyle(
            format: """
                \(month: .wide) \(day: .defaultDigits), \(year: .defaultDigits), \
                \(hour: .defaultDigits(clock: .twelveHour, hourCycle: .oneBased)):\(minute: .twoDigits) \
                \(dayPeriod: .standard(.abbreviated)) \(timeZone: .specificName(.short))
                """,
            locale: Locale(identifier: "en_US_POSIX"),
            timeZone: timeZone,
            calendar: Calendar(identifier: .gregorian))
        return date.formatted(style)
    }
}
