import Foundation
import HookSchemaValidation

/// Captures written the way `hookschema check` reads them: one `*.delivery.json` per capture
/// (`{"headers": {…}, "body": "<raw body>"}`, the body's exact text as a JSON string), or NDJSON (one body per
/// line, without headers).
public enum CaptureExport {
    /// Why a capture cannot be written in a format.
    public struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
        /// What is wrong, naming the capture.
        public var description: String
    }

    /// The `*.delivery.json` text of `capture`. A header sent more than once is joined with `, ` (HTTP's rule).
    ///
    /// - Parameter capture: A stored capture.
    /// - Returns: The delivery document, ending with a newline.
    /// - Throws: ``Failure`` when the body is not UTF-8 text, which the delivery format cannot carry byte for byte.
    public static func deliveryJSON(_ capture: CaptureRecord) throws(Failure) -> String {
        guard let body = String(bytes: capture.body, encoding: .utf8) else {
            throw Failure(description: "capture \(capture.id ?? 0): the body is not UTF-8 text; skipped")
        }
        var merged: [(name: String, value: String)] = []
        for header in capture.headers {
            if let index = merged.firstIndex(where: { $0.name.lowercased() == header.name.lowercased() }) {
                merged[index].value += ", " + header.value
            } else {
                merged.append((header.name, header.value))
            }
        }
        var text = "{\n  \"headers\": {"
        for (position, header) in merged.enumerated() {
            text += position == 0 ? "\n    " : ",\n    "
            JSONText.writeString(header.name, into: &text)
            text += ": "
            JSONText.writeString(header.value, into: &text)
        }
        text += merged.isEmpty ? "},\n  \"body\": " : "\n  },\n  \"body\": "
        JSONText.writeString(body, into: &text)
        text += "\n}\n"
        return text
    }

    /// The body as one NDJSON line (with its newline). Line breaks in JSON can only be whitespace between tokens,
    /// so they become spaces: the same JSON value on one line (a body that is not JSON stays not JSON).
    ///
    /// - Parameter capture: A stored capture.
    /// - Returns: The body's bytes with line breaks replaced by spaces, followed by one newline.
    public static func ndjsonLine(_ capture: CaptureRecord) -> [UInt8] {
        var line = capture.body.map { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") ? UInt8(ascii: " ") : $0 }
        line.append(UInt8(ascii: "\n"))
        return line
    }

    /// A file name for `capture`: `<id>-<provider>-<event>.delivery.json`, with anything but letters, digits,
    /// `.`, `_` and `-` replaced by `_`.
    ///
    /// - Parameter capture: A stored capture (its id is zero-padded to 8 digits; 0 when it has none).
    /// - Returns: A file name such as `00000042-extend-extract_run.processed.delivery.json`.
    public static func fileName(_ capture: CaptureRecord) -> String {
        let id = String(format: "%08lld", capture.id ?? 0)
        let parts = [id, capture.provider, capture.event ?? "unknown"].joined(separator: "-")
        let safe = parts.unicodeScalars.map { scalar -> String in
            CharacterSet.alphanumerics.contains(scalar) || "._-".unicodeScalars.contains(scalar)
                ? String(scalar) : "_"
        }
        return safe.joined() + ".delivery.json"
    }
}
