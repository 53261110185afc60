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

    /// Reads the text form; nil when it is not ISO 8601 with seconds and an offset.
    public init?(_ text: String) {
        guard text.count >= 20, let offset = Self.offsetSeconds(of: text) else { return nil }
        var style = Date.ISO8601FormatStyle()
        style.timeZone = TimeZone(secondsFromGMT: offset) ?? .gmt
        guard let date = try? style.parse(text) else { return nil }
        self.init(date, utcOffsetSeconds: offset)
    }

    public var description: String {
        var style = Date.ISO8601FormatStyle()
        style.timeZone = TimeZone(secondsFromGMT: utcOffsetSeconds) ?? .gmt
        let text = date.formatted(style)
        // Foundation writes UTC as "Z"; keep the offset explicit, as recorded.
        return utcOffsetSeconds == 0 && text.hasSuffix("Z") ? String(text.dropLast()) + "+00:00" : text
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
