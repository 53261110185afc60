#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The terminal's size in columns and rows.
public enum TerminalSize {
    /// The width of standard output's terminal; else `COLUMNS`; else 80.
    public static func columns(environment: [String: String]) -> Int {
        if let size = standardOutputSize(), size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 {
            return columns
        }
        return 80
    }

    /// The height of standard output's terminal; else `LINES`; else 24.
    public static func rows(environment: [String: String]) -> Int {
        if let size = standardOutputSize(), size.ws_row > 0 { return Int(size.ws_row) }
        if let rows = environment["LINES"].flatMap(Int.init), rows > 0 {
            return rows
        }
        return 24
    }

    private static func standardOutputSize() -> winsize? {
        var size = winsize()
        guard isatty(STDOUT_FILENO) != 0, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 else { return nil }
        return size
    }
}
