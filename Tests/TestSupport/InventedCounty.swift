/// A small invented county, for tests that a new jurisdiction needs no code change, and the
/// base that malformed-file tests break one line at a time.
public enum InventedCounty {
    public static let fileName = "lakeview.yaml"

    public static let yaml = """
        format: 1
        id: lakeview
        name: Lakeview County (invented)
        title: Lakeview County CSEC Protocol for Schools (test fixture)
        publisher: Invented for csec-trainer's tests
        source:
          seed: 999_invented.txt
          printed-version: "1/2026"
        emergency:
          printed: true
          wording: Call 911 at once.
          actions: [call-911]
        contacts:
          - id: lakeview-hotline
            name: Lakeview child welfare hotline
            phone: 555-0100
        categories:
          - id: at-risk
            name: At risk
            covers: [at-risk]
            criteria:
              - id: any-two
                title: Any two of these
                threshold: 2
                factors:
                  - wording: Often absent.
                    indicators: [frequently-absent]
                  - wording: Ran away.
                    indicators: [runaway-history]
                  - wording: Uses substances.
                    indicators: [substance-use-alcohol, substance-use-cannabis]
            steps:
              - number: 1
                wording: Meet with the student.
                actions: [meet-with-student]
              - number: 2
                wording: Report to child welfare.
                actions: [submit-mandated-report]
                contacts: [lakeview-hotline]
          - id: any-exploitation
            name: Suspected or confirmed exploitation, or recruitment
            covers: [confirmed-victim, suspected-victim, suspected-recruitment]
            steps:
              - number: 1
                wording: Call the police.
                actions: [involve-law-enforcement]
              - number: 2
                wording: Tell the parent, unless the parent is the exploiter.
                actions: [inform-parent-or-guardian]
                when: parent-contact-appropriate
        """
}
