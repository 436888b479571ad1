import Foundation
import CharterTestSupport
import Testing
import Widgets

/// Alias components of every shape (`Specs/widgets/schemas/_index.yaml`): a bare `$ref` to an object, a chain of
/// them, the `allOf: [$ref]` idiom (before and after its target), and aliases of an enum, an array and a
/// primitive. Each is its target's type under one more name — this file compiles only if that is so.
@Suite("Alias components")
struct AliasShapeTests {
    @Test func everyAliasIsItsTargetsType() throws {
        let widget = Widget(id: "w1", name: "Bolt")
        let gadget: Gadget = widget
        let thing: Thing = gadget
        let legacy: LegacyWidget = thing
        #expect(legacy == widget)
        let condition: Condition = .active
        let status: Status = condition
        #expect(status.rawValue == "active")
        let list: TagList = ["a", "b"]
        let tags: Tags = list
        #expect(tags.count == 2)
        let label: Label = "x"
        let name: Name = label
        #expect(name == "x")
        let check: EvalCheck = Check(passed: true)
        let decoded = try JSONDecoder().decode(EvalCheck.self, from: Data(#"{"passed": false}"#.utf8))
        #expect(check.passed == true && decoded.passed == false)
    }
}
