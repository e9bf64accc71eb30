/// The project's `Examples/`, compiled into the binary by the EmbedResources
/// plugin, so `newswire demo` runs anywhere (README.md is not an example).
enum BuiltInExamples {
    static var inputs: [NamedInput] {
        EmbeddedFiles.paths.filter { $0.hasPrefix("Examples/") && $0 != "Examples/README.md" }.compactMap { path in
            EmbeddedFiles.bytes(path).map { NamedInput(path: path, bytes: $0, modified: nil) }
        }
    }
}
