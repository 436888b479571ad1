import ArgumentParser
import CharterCommands
import CharterSpec

import Foundation

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Charter: OpenAPI tooling for Swift (Swagger 2.0, OpenAPI 3.0, 3.1 and 3.2).",
        discussion: """
        Examples:
          swift run generate Specs/airline.yaml --output Generated/Airline
          swift run generate lint Specs/airline.yaml
          swift run generate validate Specs/airline.yaml --schema BookingRequest booking.json
          swift run generate diff Specs/users-v1.yaml Specs/users-v2.yaml
          swift run generate mock Specs/airline.yaml --port 4010
          swift run generate docs Specs/airline.yaml --output api-docs/airline
          swift run generate init Orders --server vapor --client
        """,
        subcommands: [Code.self, Lint.self, Validate.self, Diff.self, Mock.self, Docs.self, Init.self],
        defaultSubcommand: Code.self
    )
}
