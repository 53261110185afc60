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
    public init?(_ text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 20 || bytes.count == 25, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
            bytes[16] == UInt8(ascii: ":"), let day = CalendarDate(String(decoding: bytes[0..<10], as: UTF8.self)),
            let hours = CalendarDate.number(bytes[11..<13]), let minutes = CalendarDate.number(bytes[14..<16]),
            let seconds = CalendarDate.number(bytes[17..<19]), hours < 24, minutes < 60, seconds < 60,
            let offset = Self.offsetSeconds(bytes[19...])
        else { return nil }
        let local = day.daysSince1970 * 86_400 + hours * 3600 + minutes * 60 + seconds
        self.init(Date(timeIntervalSince1970: TimeInterval(local - offset)), utcOffsetSeconds: offset)
    }

    public var description: String {
        let local = Int(date.timeIntervalSince1970) + utcOffsetSeconds
        let day = CalendarDate(date, utcOffsetSeconds: utcOffsetSeconds)
        let seconds = local - day.daysSince1970 * 86_400
        let offset = abs(utcOffsetSeconds)
        return "\(day)T" + CalendarDate.padded(seconds / 3600, 2) + ":" + CalendarDate.padded(seconds / 60 % 60, 2) + ":"
            + CalendarDate.padded(seconds % 60, 2) + (utcOffsetSeconds < 0 ? "-" : "+") + CalendarDate.padded(offset / 3600, 2)
            + ":" + CalendarDate.padded(offset / 60 % 60, 2)
    }

    /// The calendar day at the recorded offset.
    public var calendarDate: CalendarDate {
        CalendarDate(date, utcOffsetSeconds: utcOffsetSeconds)
    }

    /// Earlier moments first; the same moment recorded at two offsets is ordered by offset, so
    /// that the order agrees with `==` (which compares both).
    public static func < (left: Timestamp, right: Timestamp) -> Bool {
        (left.date, left.utcOffsetSeconds) < (right.date, right.utcOffsetSeconds)
    }

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

    /// "Z", "+HH:MM" or "-HH:MM", in seconds.
    private static func offsetSeconds(_ bytes: ArraySlice<UInt8>) -> Int? {
        if bytes.count == 1, bytes.first == UInt8(ascii: "Z") { return 0 }
        guard bytes.count == 6, let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
            bytes[bytes.startIndex + 3] == UInt8(ascii: ":"),
            let hours = CalendarDate.number(bytes[(bytes.startIndex + 1)..<(bytes.startIndex + 3)]),
            let minutes = CalendarDate.number(bytes[(bytes.startIndex + 4)...]), hours < 24, minutes < 60
        else { return nil }
        return (sign == UInt8(ascii: "-") ? -1 : 1) * (hours * 3600 + minutes * 60)
    }
}
