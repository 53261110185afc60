import Foundation

/// A moment as recorded: ISO 8601 with seconds and the UTC offset of the machine that
/// recorded it ("2026-11-26T09:50:12-08:00"), so a record shows the local time the trainee saw.
public struct Timestamp: Sendable, Codable, Equatable, Comparable, CustomStringConvertible {
    public let date: Date
    /// The recorded UTC offset, in seconds east of Greenwich.
    public let utcOffsetSeconds: Int

    /// `date`, to the whole second, as seen at `utcOffsetSeconds`.
    public init(_ date: Date, utcOffsetSeconds: Int) {
        self.date = Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    /// Reads the text form ("YYYY-MM-DDTHH:MM:SS" and "Z" or "±HH:MM"); nil for anything else.
    public init?(_ text: String) {
        guard text.count >= 20, let offset = Self.offsetSeconds(of: text) else { return nil }
        let local = text.prefix(19)
        let numbers = local.split(whereSeparator: { "-T:".contains($0) }).compactMap { Int($0) }
        guard numbers.count == 6, local.dropFirst(10).first == "T",
            let day = CalendarDate(year: numbers[0], month: numbers[1], day: numbers[2]),
            (0..<24).contains(numbers[3]), (0..<60).contains(numbers[4]), (0..<60).contains(numbers[5])
        else { return nil }
        let secondsIntoDay = numbers[3] * 3600 + numbers[4] * 60 + numbers[5]
        let utc = day.startOfDayUTC.addingTimeInterval(TimeInterval(secondsIntoDay - offset))
        self.init(utc, utcOffsetSeconds: offset)
    }

    public var description: String {
        let local = date.addingTimeInterval(TimeInterval(utcOffsetSeconds))
        let day = CalendarDate(local, utcOffsetSeconds: 0)
        let seconds = Int(local.timeIntervalSince(day.startOfDayUTC))
        let offset = abs(utcOffsetSeconds)
        return "\(day)T" + String(format: "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
            + (utcOffsetSeconds < 0 ? "-" : "+") + String(format: "%02d:%02d", offset / 3600, offset / 60 % 60)
    }

    /// The calendar day at the recorded offset.
    public var calendarDate: CalendarDate {
        CalendarDate(date, utcOffsetSeconds: utcOffsetSeconds)
    }

    public static func < (left: Timestamp, right: Timestamp) -> Bool { left.date < right.date }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let timestamp = Timestamp(text) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "'\(text)' is not an ISO 8601 time with seconds and an offset"))
        }
        self = timestamp
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// "Z", "+HH:MM" or "-HH:MM" at the end of `text`, in seconds.
    private static func offsetSeconds(of text: String) -> Int? {
        if text.hasSuffix("Z") { return 0 }
        let suffix = text.suffix(6)
        guard let sign = suffix.first, sign == "+" || sign == "-", suffix.dropFirst(3).first == ":",
            let hours = Int(suffix.dropFirst().prefix(2)), let minutes = Int(suffix.suffix(2)), hours < 24, minutes < 60
        else { return nil }
        return (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
    }
}
