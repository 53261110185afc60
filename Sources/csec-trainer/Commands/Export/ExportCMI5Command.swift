import ArgumentParser
import LMSPackages

struct ExportCMI5Command: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cmi5",
        abstract: "Write a cmi5 course package (a zip with cmi5.xml) an LMS imports.",
        discussion: """
            The same player as `export scorm`, reporting through xAPI statements to the learning \
            record store the LMS names at launch: initialized, answered for each question, \
            completed, passed or failed, terminated. moveOn is CompletedAndPassed and the mastery \
            score is the policy's pass mark; an attempt with a critical mistake fails at any score \
            (docs/lms-packages.md).

            Example:
              csec-trainer export cmi5 --jurisdiction marin --out marin-cmi5.zip
            """)

    @OptionGroup var package: LMSPackageOptions

    func run() throws {
        try package.export(.cmi5)
    }
}
