/// The version of this build of the pipeline. It travels in every output
/// (`pipelineVersion`, header `newswire-pipeline`) so a record names the code
/// that made it.
public enum PipelineVersion {
    public static let current = "0.1.0"
}
