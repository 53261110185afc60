import ArgumentParser
import QuestionBanks

/// `--format moodle-xml|gift|qti21`.
extension QuestionBankFormat: ExpressibleByArgument {}
