/// What a finished program left behind: its exit status and its output.
public struct ProgramRun: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}
