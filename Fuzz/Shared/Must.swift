/// `precondition` drops its message in an optimised build; this keeps it for the crash report.
func must(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}
