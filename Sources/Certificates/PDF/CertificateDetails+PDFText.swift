import Foundation

/// The texts a PDF certificate prints that are derived from the details rather than given:
/// the completion date and the active time. Fixed locale and calendar, never the machine's.
extension CertificateDetails {
    /// The recorded offset as a time zone; UTC when the offset is out of range.
    var pdfTimeZone: TimeZone {
        TimeZone(secondsFromGMT: utcOffsetSeconds) ?? .gmt
    }

    /// The completion day as the trainee saw it, e.g. "November 26, 2026".
    var pdfCompletionDateText: String {
        let style = Date.VerbatimFormatStyle(
            format: "\(month: .wide) \(day: .defaultDigits), \(year: .defaultDigits)",
            locale: Locale(identifier: "en_US_POSIX"),
            timeZone: pdfTimeZone,
            calendar: Calendar(identifier: .gregorian))
        return completedAt.formatted(style)
    }

    /// The completion time as an ISO 8601 text with its offset ("2026-11-26T09:50:12-08:00"),
    /// the form cairo takes for the PDF creation date.
    var pdfCreationDateText: String {
        let style = Date.ISO8601FormatStyle(timeZoneSeparator: .colon, timeZone: pdfTimeZone)
        let text = completedAt.formatted(style)
        return text.hasSuffix("Z") ? String(text.dropLast()) + "+00:00" : text
    }

    /// "Active time: 14 min".
    var pdfActiveTimeText: String {
        "Active time: \(Self.activeTimeText(seconds: activeSeconds))"
    }

    /// "14 min", to the nearest minute; "under 1 min"; "1 h 5 min" from an hour on. Every
    /// surface that shows a record's active time uses this, so they agree.
    public static func activeTimeText(seconds: Int) -> String {
        let minutes = (max(seconds, 0) + 30) / 60
        switch minutes {
        case 0: return "under 1 min"
        case ..<60: return "\(minutes) min"
        default: return "\(minutes / 60) h \(minutes % 60) min"
        }
    }
}
