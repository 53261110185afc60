import Charts
import Foundation
import ItemAnalysis

/// The item analysis as files: the charts (SVG, each with its table as CSV and an HTML page
/// that shows the chart beside its table), every table as CSV, or the whole report as JSON.
/// The same report always gives the same bytes.
public struct StatisticsFiles: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case svg, csv, json
    }

    /// A file to write: its name in the output folder and its text.
    public struct File: Sendable, Equatable {
        public var name: String
        public var contents: String
    }

    public let report: ItemAnalysisReport
    /// The display name of each jurisdiction by id ("Marin County").
    public let names: [String: String]

    public init(report: ItemAnalysisReport, names: [String: String]) {
        self.report = report
        self.names = names
    }

    public func files(_ format: Format) -> [File] {
        switch format {
        case .json: [File(name: "item-analysis.json", contents: json)]
        case .csv: report.jurisdictions.flatMap(tables)
        case .svg: report.jurisdictions.flatMap(charts)
        }
    }

    /// The report as JSON, keys sorted.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Every value of the report encodes; a failure would be a bug in the report's types.
        let data = (try? encoder.encode(report)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The charts of one jurisdiction: each as SVG, its table as CSV, and a page with both.
    func charts(_ analysis: JurisdictionAnalysis) -> [File] {
        let charts: [(String, any Chart)] = [
            ("facility", StatisticsCharts.facility(analysis, name: name(analysis))),
            ("confusion", StatisticsCharts.confusion(analysis, name: name(analysis))),
        ]
        return charts.flatMap { suffix, chart in
            let id = "\(analysis.jurisdiction)-\(suffix)"
            let svg = chart.svg(id: id)
            return [
                File(name: id + ".svg", contents: svg), File(name: id + ".csv", contents: chart.table.csv),
                File(name: id + ".html", contents: Self.page(chart, svg: svg, id: id)),
            ]
        }
    }

    /// Every table of one jurisdiction as CSV.
    func tables(_ analysis: JurisdictionAnalysis) -> [File] {
        StatisticsTables.all(analysis, name: name(analysis)).map { suffix, table in
            File(name: "\(analysis.jurisdiction)-\(suffix).csv", contents: table.csv)
        }
    }

    private func name(_ analysis: JurisdictionAnalysis) -> String {
        names[analysis.jurisdiction] ?? analysis.jurisdiction
    }

    /// An HTML page with the chart and, beside it, its table.
    static func page(_ chart: any Chart, svg: String, id: String) -> String {
        let inline = svg.split(separator: "\n", maxSplits: 1).last.map(String.init) ?? svg
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>\(escaped(chart.title))</title></head>
            <body>
            <figure>
            \(inline)</figure>
            \(chart.table.html(id: id + "-table"))</body>
            </html>

            """
    }

    private static func escaped(_ text: String) -> String {
        text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
    }

    /// Writes the files into `directory` (made when missing), replacing files of the same names.
    public static func write(_ files: [File], into directory: URL) throws(StatisticsError) {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: directory.path, reason: "the folder cannot be made")
        }
        for file in files {
            let url = directory.appending(path: file.name)
            do {
                try Data(file.contents.utf8).write(to: url, options: .atomic)
            } catch {
                throw .cannotWrite(path: url.path, reason: "the file cannot be written")
            }
        }
    }
}
