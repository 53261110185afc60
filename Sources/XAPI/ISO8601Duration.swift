/// Durations as xAPI writes them (ISO 8601 §4.4.3.2, xAPI-Data §4.6): hours, minutes and
/// seconds, zero parts left out ("PT14M", "PT1H2M3S", "PT0S"). An LRS compares the text when a
/// statement is sent again, so the same seconds always give the same text.
public enum ISO8601Duration {
    public static func text(seconds: Int) -> String {
        let seconds = max(0, seconds)
        let (hours, minutes, rest) = (seconds / 3600, seconds / 60 % 60, seconds % 60)
        if seconds == 0 { return "PT0S" }
        return "PT" + (hours > 0 ? "\(hours)H" : "") + (minutes > 0 ? "\(minutes)M" : "") + (rest > 0 ? "\(rest)S" : "")
    }
}
