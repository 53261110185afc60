import ArgumentParser
import SessionServer

extension BindAddress: ExpressibleByArgument {}
