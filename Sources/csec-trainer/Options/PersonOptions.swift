import ArgumentParser
import Records

/// The trainee's details that completion records and district reports use. The name is asked
/// for when missing; at a terminal, so are the employee id, school and role (each skippable).
struct PersonOptions: ParsableArguments {
    @Option(help: "Your employee id (reports count one person by it).") var employeeID: String?
    @Option(help: "Your work email.") var email: String?
    @Option(help: "Your school.") var school: String?
    @Option(help: "Your district or county office of education.") var district: String?
    @Option(help: "Your role (teacher, counselor, office staff…).") var role: String?
    @Option(
        help: ArgumentHelp(
            "Your first day of employment, if this school year: training is due six weeks after it.", valueName: "YYYY-MM-DD"))
    var hireDate: CalendarDate?

    func trainee(named name: String) -> Trainee {
        Trainee(
            name: name, employeeID: employeeID, email: email, school: school, district: district, role: role,
            hireDate: hireDate)
    }
}
