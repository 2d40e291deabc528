import Foundation
import Testing

/// Golden files for snippet tests: `Tests/HookSchemaGeneratorTests/Snippets/<name>.swift.golden`.
///
/// Set `HOOKSCHEMA_RECORD=1` to rewrite them from the current output; a recording run always fails ("recorded new
/// baseline"), so CI can never pass by recording.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snippets")

    static var isRecording: Bool {
        ProcessInfo.processInfo.environment["HOOKSCHEMA_RECORD"] == "1"
    }

    static func expect(
        _ actual: String, matches name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let url = folder.appendingPathComponent(name + ".swift.golden")
        if isRecording {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url)
                Issue.record(
                    "recorded new baseline \(url.lastPathComponent); unset HOOKSCHEMA_RECORD and rerun",
                    sourceLocation: sourceLocation)
            } catch {
                Issue.record("cannot record \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record(
                "no golden file \(url.path); run with HOOKSCHEMA_RECORD=1 to create it",
                sourceLocation: sourceLocation)
            return
        }
        expectSource(actual, String(decoding: data, as: UTF8.self), sourceLocation: sourceLocation)
    }
}
