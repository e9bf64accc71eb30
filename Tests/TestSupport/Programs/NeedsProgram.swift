import Testing

extension Trait where Self == ConditionTrait {
    /// Skips (visibly, with the reason) a test that runs `name` when it is not
    /// on `PATH`.
    public static func needsProgram(_ name: String, installedBy installer: String) -> Self {
        .enabled(if: CommandRunner.onPath(name) != nil, "needs \(name), which is not on PATH (\(installer) installs it)")
    }
}
