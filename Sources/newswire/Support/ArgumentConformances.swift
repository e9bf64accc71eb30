import ArgumentParser
import ArticleText

extension Stage: ExpressibleByArgument {}
extension InputFormat: ExpressibleByArgument {}
