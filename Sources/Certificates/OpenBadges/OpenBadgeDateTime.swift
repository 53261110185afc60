import Foundation

/// An instant with the UTC offset it was recorded in, written as RFC 3339 / ISO 8601 with whole
/// seconds: "2026-03-05T14:03:07-08:00", or "…Z" at offset zero (the `DateTimeZ` of Open Badges).
///
/// Computed by hand on the proleptic Gregorian calendar, so it needs no calendar, locale or
/// time zone database, and it always reads back what it writes.
public struct OpenBadgeDateTime: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The instant, in whole seconds.
    public let date: Date
    /// The offset from UTC, in whole minutes' worth of seconds, within ±18 hours.
    public let utcOffsetSeconds: Int

    /// The instant `date`, truncated to whole seconds, shown at `utcOffsetSeconds` (truncated
    /// to whole minutes and kept within ±18 hours, as RFC 3339 can write no more).
    public init(date: Date, utcOffsetSeconds: Int) {
        self.date = Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
        self.utcOffsetSeconds = min(max(utcOffsetSeconds / 60 * 60, -18 * 3600), 18 * 3600)
    }

    /// Reads "YYYY-MM-DDThh:mm:ss" followed by "Z" or "±hh:mm"; no fractions.
    public init(_ text: String) throws(OpenBadgeError) {
        let characters = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= characters.count else { return nil }
            var value = 0
            for character in characters[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(character) else { return nil }
                value = value * 10 + Int(character - UInt8(ascii: "0"))
            }
            return value
        }
        func character(_ index: Int, is expected: Character) -> Bool {
            index < characters.count && characters[index] == expected.asciiValue
        }
        guard let year = number(0..<4), character(4, is: "-"), let month = number(5..<7), character(7, is: "-"),
            let day = number(8..<10), character(10, is: "T"), let hour = number(11..<13), character(13, is: ":"),
            let minute = number(14..<16), character(16, is: ":"), let second = number(17..<19),
            (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day),
            hour < 24, minute < 60, second < 60
        else { throw .invalidDateTime(text) }
        let offset: Int
        if characters.count == 20, character(19, is: "Z") {
            offset = 0
        } else if characters.count == 25, character(19, is: "+") || character(19, is: "-"), character(22, is: ":"),
            let offsetHours = number(20..<22), let offsetMinutes = number(23..<25), offsetHours <= 18,
            offsetMinutes < 60
        {
            offset = (character(19, is: "-") ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60)
        } else {
            throw .invalidDateTime(text)
        }
        let local = Self.days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
        self.init(date: Date(timeIntervalSince1970: TimeInterval(local - offset)), utcOffsetSeconds: offset)
        guard self.text == text else { throw .invalidDateTime(text) }  // e.g. "+19:00", "-00:00"
    }

    /// The RFC 3339 text, e.g. "2026-03-05T14:03:07-08:00".
    public var text: String {
        let local = Int(date.timeIntervalSince1970) + utcOffsetSeconds
        let (year, month, day) = Self.civil(days: local.floorDivided(by: 86_400))
        let seconds = local - local.floorDivided(by: 86_400) * 86_400
        let clock = "\(Self.pad(seconds / 3600)):\(Self.pad(seconds / 60 % 60)):\(Self.pad(seconds % 60))"
        let zone: String
        if utcOffsetSeconds == 0 {
            zone = "Z"
        } else {
            let size = abs(utcOffsetSeconds)
            zone = (utcOffsetSeconds < 0 ? "-" : "+") + Self.pad(size / 3600) + ":" + Self.pad(size / 60 % 60)
        }
        return "\(Self.pad(year, width: 4))-\(Self.pad(month))-\(Self.pad(day))T\(clock)\(zone)"
    }

    public var description: String { text }

    /// The same local clock time and offset `years` calendar years later (29 February becomes
    /// 28 February in a common year).
    func addingYears(_ years: Int) -> OpenBadgeDateTime {
        let local = Int(date.timeIntervalSince1970) + utcOffsetSeconds
        let dayNumber = local.floorDivided(by: 86_400)
        let (year, month, day) = Self.civil(days: dayNumber)
        let newDay = min(day, Self.daysIn(month: month, year: year + years))
        let newLocal = Self.days(year: year + years, month: month, day: newDay) * 86_400 + (local - dayNumber * 86_400)
        return OpenBadgeDateTime(
            date: Date(timeIntervalSince1970: TimeInterval(newLocal - utcOffsetSeconds)), utcOffsetSeconds: utcOffsetSeconds)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    // MARK: Gregorian arithmetic (after Howard Hinnant's days_from_civil / civil_from_days)

    private static func days(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = shiftedYear.floorDivided(by: 400)
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civil(days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = shifted.floorDivided(by: 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func pad(_ value: Int, width: Int = 2) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

extension Int {
    /// Division rounding toward negative infinity.
    fileprivate func floorDivided(by divisor: Int) -> Int {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
