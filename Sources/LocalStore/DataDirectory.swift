import Foundation

/// Where csec-trainer keeps its data: `--data-dir`, else `$XDG_DATA_HOME/csec-trainer`, else
/// `~/.local/share/csec-trainer`, where `~` is `$HOME` when set (as the XDG specification
/// reads it), else the account's home directory `home`.
public enum DataDirectory {
    public static func resolve(explicit: String?, environment: [String: String], home: URL) -> URL {
        if let explicit, !explicit.isEmpty { return URL(filePath: explicit, directoryHint: .isDirectory) }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return URL(filePath: xdg, directoryHint: .isDirectory).appending(path: "csec-trainer")
        }
        let home =
            environment["HOME"].flatMap { $0.hasPrefix("/") ? URL(filePath: $0, directoryHint: .isDirectory) : nil } ?? home
        return home.appending(path: ".local/share/csec-trainer")
    }
}
