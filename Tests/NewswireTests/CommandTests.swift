import Testing
@testable import newswire

@Suite struct CommandTests {
    @Test func rootCommandIsNamedNewswire() {
        #expect(Newswire.configuration.commandName == "newswire")
    }
}
