/// Hears `TextStages.run` enter each stage, so a caller can time and count
/// the stages (the worker's `/stats` and `/metrics` do) while the stages stay
/// pure and know nothing of why. Entering a stage means the one before it
/// finished; the caller knows the last one finished when `run` returns, or
/// failed when it throws (the error names the stage).
public protocol StageObserver {
    mutating func entering(_ stage: Stage)
}

/// The observer of callers that watch nothing.
public struct NoStageObserver: StageObserver {
    public init() {}
    @inlinable public mutating func entering(_ stage: Stage) {}
}
