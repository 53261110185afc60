import ArgumentParser
import LMSPackages

struct ExportSCORMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scorm",
        abstract: "Write a SCORM 1.2 package (a zip with imsmanifest.xml) an LMS imports.",
        discussion: """
            The package holds a self-contained player: the content note, the briefing, the \
            course's cases and questions, and the answers and explanations the protocol engine \
            computed for the jurisdiction. It reports passed or failed, the score (0-100), the \
            session time and one interaction per question to the LMS's SCORM 1.2 runtime. The \
            pass mark and the critical-mistake rule are the scoring policy's (Scoring/policy.yaml); \
            the manifest gives no mastery score, so the LMS keeps the player's verdict \
            (docs/lms-packages.md).

            Example:
              csec-trainer export scorm --jurisdiction marin --out marin-scorm.zip
            """)

    @OptionGroup var package: LMSPackageOptions

    func run() throws {
        try package.export(.scorm12)
    }
}
