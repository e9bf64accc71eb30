import Testing
import TestSupport
@testable import newswire

@Suite(.timeLimit(.minutes(5))) struct CommandTests {
    @Test func rootCommandIsNamedNewswire() {
        #expect(Newswire.configuration.commandName == "newswire")
    }
}
