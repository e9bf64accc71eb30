import Testing
@testable import Pipeline

@Suite struct PipelineVersionTests {
    @Test func versionIsSemantic() {
        #expect(PipelineVersion.current.split(separator: ".").count == 3)
    }
}
