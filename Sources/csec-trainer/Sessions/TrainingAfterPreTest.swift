import Records

extension ResumeCommand {
    /// `csec-trainer train --name … --jurisdiction … --employee-id …`: the training after `person`'s
    /// pre-test, with the details the pre-test's record holds, so that both records name the same
    /// person and the knowledge gain pairs them.
    func training(after person: Trainee, jurisdiction: String) -> String {
        let details: [(String, String?)] = [
            ("--employee-id", person.employeeID), ("--email", person.email), ("--school", person.school),
            ("--district", person.district), ("--role", person.role), ("--hire-date", person.hireDate?.description),
        ]
        let flags = details.flatMap { flag, value in value.map { [flag, $0] } ?? [] }
        return ShellWords.join(
            [program, "train", "--name", person.name, "--jurisdiction", jurisdiction] + flags + options)
    }
}
