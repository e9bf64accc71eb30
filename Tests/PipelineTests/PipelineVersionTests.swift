import Testing
@testable import Pipeline
import TestSupport

@Suite(.timeLimit(.minutes(5))) struct PipelineVersionTests {
    @Test func versionIsSemantic() {
        #expect(PipelineVersion.current.split(separator: ".").count == 3)
    }
}
