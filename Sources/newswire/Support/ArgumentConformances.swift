import ArgumentParser
import ArticleText

extension Stage: @retroactive ExpressibleByArgument {}
extension InputFormat: @retroactive ExpressibleByArgument {}
