/// "1 record", "2 records": a count and its noun, for the lines the commands print.
func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
