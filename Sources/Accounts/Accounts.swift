/// Accounts of the district server: invitation links for rostered staff, administrators,
/// signed-in browser sessions and the audit log, behind ``SignInService``.
public enum Accounts {}
