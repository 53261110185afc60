import ArgumentParser
import Completion
import ContentLoading
import Foundation
import ItemAnalysis
import PostgresStorage
import Storage

struct RecordsStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Item analysis: which questions staff get wrong, and how they misread the situations.",
        discussion: """
            For each county protocol and each item (a vignette's stage and question kind), \
            over the records that verify:
            - facility: the share of answers that were correct (low: a hard item);
            - discrimination: how well the item separates people who do well on the rest of \
            the attempt from those who do not (the corrected item-rest correlation, -1 to 1; \
            below about 0.2 the item says little, below 0 it misleads);
            and, per county, every wrong option and catalogued mistake chosen, critical \
            mistakes by school and role, and which situation categories are read as which \
            (the confusion matrix). Group-attendance records count in facility but not in \
            discrimination: nobody was scored alone.

            With pre-tests in the records (`train --pre-test`), the knowledge gain too: per \
            county, for everyone and per district, school, role and situation category, the \
            mean score of the pre-test and of the training after it, the mean difference with \
            its 95% confidence interval, and the normalised gain (knowledge-gain.json, \
            <county>-knowledge-gain.csv and .svg). --only picks one of the two.

            Formats:
            - svg: per county, <county>-facility and <county>-confusion, each as .svg, its \
            table as .csv, and an .html page with the chart beside its table (needs --out);
            - csv: per county, every table as <county>-<table>.csv;
            - json: item-analysis.json, the whole report (version 1, \
            schemas/item-analysis.schema.json).
            Without --out, csv and json print to standard output.

            Examples:
              csec-trainer records stats --format svg --out stats/
              csec-trainer records stats --jurisdiction marin --format json
            Formulas and how to read them: docs/item-analysis.md.
            """)

    @Option(help: ArgumentHelp("Only this county's records (an id such as marin).", valueName: "id"))
    var jurisdiction: String?
    @Option(help: "svg, csv or json.") var format: StatisticsFiles.Format = .svg
    @Option(help: ArgumentHelp("Only item-analysis or only knowledge-gain (default: both).", valueName: "report"))
    var only: StatisticsReports.Kind?
    @Option(help: ArgumentHelp("The folder to write the files to (made when missing).", valueName: "dir")) var out: String?
    @OptionGroup var content: ContentOptions
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var data: DataOptions

    func validate() throws {
        if format == .svg, out == nil {
            throw ValidationError("--format svg writes several files: give the folder for them with --out DIR.")
        }
    }

    func run() throws {
        let training = try content.reportingErrors {
            try content.locate().loadTrainingContent(protocolsIn: content.protocolsDirectory.map(ContentOptions.url))
        }
        let (library, mistakes, scope, only) = (
            training.library, training.mistakes, AnalysisScope(jurisdiction: jurisdiction), only
        )
        let (store, address) = (try data.recordStore(), database.address)
        let found = try reportingStorageErrors {
            try waitFor {
                try await RecordBackend.using(databaseAddress: address, store: store) { backend async throws(StorageError) in
                    do throws(StatisticsError) {
                        let statistics = RecordStatistics(records: backend.repository, library: library, mistakes: mistakes)
                        return Result<_, StatisticsError>.success(try await statistics.reports(of: scope, only: only))
                    } catch {
                        return .failure(error)
                    }
                }
            }
        }
        let reports: StatisticsReports
        switch found {
        case .success(let found): reports = found
        case .failure(let error):
            StandardError.print(error.description)
            throw ExitCode.failure
        }
        let problems = reports.problems
        for problem in problems { StandardError.print(problem.description) }
        let files = reports.files(format, names: RecordStatistics.names(in: library))
        if let out {
            do {
                try StatisticsFiles.write(files, into: URL(filePath: out, directoryHint: .isDirectory))
            } catch {
                StandardError.print(error.description)
                throw ExitCode.failure
            }
            print("\(files.count) files written to \(out) (\(reports.counts)).")
        } else {
            print(files.map(\.contents).joined(separator: "\n"), terminator: "")
        }
        if !problems.isEmpty {
            StandardError.print("\(problems.count) record file(s) were left out of the statistics (above).")
            throw ExitCode.failure
        }
    }
}

extension StatisticsFiles.Format: ExpressibleByArgument {}
extension StatisticsReports.Kind: ExpressibleByArgument {}
