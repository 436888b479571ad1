@testable import CharterRuntime
import Foundation
import Testing

/// UUIDs read and written without Foundation's parser agree with Foundation: the same values from the same
/// texts, the same text from the same values, and what the fast reading refuses still goes to Foundation.
@Suite("UUID text")
struct UUIDTextTests {
    @Test func readingAndWritingAgreeWithFoundation() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            var bytes = [UInt8](repeating: 0, count: 16)
            for i in bytes.indices { bytes[i] = UInt8.random(in: 0...255, using: &generator) }
            let uuid = UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                                   bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
            #expect(UUIDText.text(uuid) == uuid.uuidString)
            #expect(UUIDText.uuid(uuid.uuidString) == uuid)
            #expect(UUIDText.uuid(uuid.uuidString.lowercased()) == uuid)
        }
        // Every hex digit in every position.
        let all = "0123456789ABCDEF0123456789abcdef0123"
        let canonical = String(all.prefix(8)) + "-" + String(all.dropFirst(8).prefix(4)) + "-" + String(all.dropFirst(12).prefix(4))
            + "-" + String(all.dropFirst(16).prefix(4)) + "-" + String(all.dropFirst(20).prefix(12))
        #expect(UUIDText.uuid(canonical) == UUID(uuidString: canonical))
    }

    @Test func anythingButTheCanonicalFormIsLeftToFoundation() {
        let good = "8C6F1A52-3B8E-4F7A-9A51-2D1C0E7B4A10"
        let refused = [
            "", String(good.dropLast()), good + "0", good.replacingOccurrences(of: "-", with: ""),
            "8C6F1A52+3B8E-4F7A-9A51-2D1C0E7B4A10", "8C6F1A52-3B8E-4F7A-9A512D1C-0E7B4A10", "8C6F1A5G-3B8E-4F7A-9A51-2D1C0E7B4A10",
            " 8C6F1A52-3B8E-4F7A-9A51-2D1C0E7B4A1", "8C6F1A52-3B8E-4F7A-9A51-2D1C0E7B4A1é",
        ]
        for text in refused { #expect(UUIDText.uuid(text) == nil, "\(text)") }
    }

    @Test func bodiesAndParametersDecodeAndEncodeUUIDsAsFoundationDoes() throws {
        struct Thing: Codable, Equatable { var id: UUID; var others: [UUID]; var maybe: UUID? }
        let ids = (0..<3).map { _ in UUID() }
        let json = #"{"id":"\#(ids[0].uuidString.lowercased())","others":["\#(ids[1].uuidString)","\#(ids[2].uuidString)"],"maybe":null}"#
        let decoded = try TapeDecoding.decode(Thing.self, from: Array(json.utf8))
        #expect(decoded == (try JSONCoding.decoder().decode(Thing.self, from: Data(json.utf8))))
        #expect(decoded.id == ids[0] && decoded.others == [ids[1], ids[2]] && decoded.maybe == nil)
        // Written as JSONEncoder writes them (`uuidString`, upper case).
        let written = String(decoding: try JSONByteEncoding.encode(decoded), as: UTF8.self)
        #expect(written == #"{"id":"\#(ids[0].uuidString)","others":["\#(ids[1].uuidString)","\#(ids[2].uuidString)"]}"#)
        let reference = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(decoded)) as? NSDictionary
        #expect(try JSONSerialization.jsonObject(with: Data(written.utf8)) as? NSDictionary == reference)
        // Not a UUID: the same error as before, at its path.
        #expect(throws: DecodingError.self) { try TapeDecoding.decode(Thing.self, from: Array(#"{"id":"nope","others":[]}"#.utf8)) }
        #expect(throws: DecodingError.self) { try TapeDecoding.decode(Thing.self, from: Array(#"{"id":42,"others":[]}"#.utf8)) }
    }
}
