import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Every installation key this data directory has had, one line each in
/// `<data dir>/keys/key-history.log`, so that a record signed by an earlier key can be explained
/// ("the key was lost and replaced on this date") rather than only refused.
///
/// A line is `v1 <ISO 8601 time> <event> <key id>`, and for a replaced key
/// ` earlier=<key id>,<key id>… records=<count>`: the keys that signed the records already
/// stored, and how many records there were. Lines are only ever appended.
public struct KeyHistory: Sendable {
    public static let version = "v1"
    public let file: URL

    public init(dataDirectory: URL) {
        file = dataDirectory.appending(path: "keys/key-history.log")
    }

    /// One new key.
    public struct Entry: Sendable, Equatable {
        public enum Event: String, Sendable {
            /// The first key, made on first use of an empty data directory.
            case created
            /// A new key made on purpose because the key that signed the stored records was lost.
            case replacedLostKey = "replaced-lost-key"
        }

        public var date: Date
        public var event: Event
        public var keyID: String
        /// The keys that signed the records stored when this key was made.
        public var earlierKeyIDs: [String]
        /// How many records were stored when this key was made.
        public var recordCount: Int

        public init(date: Date, event: Event, keyID: String, earlierKeyIDs: [String] = [], recordCount: Int = 0) {
            self.date = date
            self.event = event
            self.keyID = keyID
            self.earlierKeyIDs = earlierKeyIDs
            self.recordCount = recordCount
        }

        var line: String {
            var fields = [KeyHistory.version, Self.dateFormat.format(date), event.rawValue, keyID]
            if event == .replacedLostKey {
                fields += ["earlier=\(earlierKeyIDs.joined(separator: ","))", "records=\(recordCount)"]
            }
            return fields.joined(separator: " ") + "\n"
        }

        init?(line: Substring) {
            let fields = line.split(separator: " ")
            guard fields.count >= 4, fields[0] == KeyHistory.version, let date = try? Self.dateFormat.parse(String(fields[1])),
                let event = Event(rawValue: String(fields[2]))
            else { return nil }
            self.init(date: date, event: event, keyID: String(fields[3]))
            for field in fields.dropFirst(4) {
                if field.hasPrefix("earlier=") {
                    earlierKeyIDs = field.dropFirst("earlier=".count).split(separator: ",").map(String.init)
                } else if field.hasPrefix("records="), let count = Int(field.dropFirst("records=".count)) {
                    recordCount = count
                }
            }
        }

        private static let dateFormat = Date.ISO8601FormatStyle()
    }

    /// The entries, oldest first; a line this version does not read is skipped.
    public func entries() -> [Entry] {
        guard let data = FileManager.default.contents(atPath: file.path) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap(Entry.init(line:))
    }

    /// Appends `entry` in one write, flushed to the disk.
    func append(_ entry: Entry, operations: some FileOperations) throws(FileOperationError) {
        let descriptor = open(file.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw FileOperationError(call: "open", path: file.path, code: errno) }
        try operations.writeFlushAndClose(Data(entry.line.utf8), to: descriptor)
    }
}
