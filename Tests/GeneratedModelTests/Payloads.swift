import Foundation
import ExtendWebhooks
import HookSchemaRuntime

/// The example deliveries in Examples/payloads, read from the repository.
enum Payloads {
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url
            }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    static func data(_ relativePath: String) throws -> Data {
        try Data(contentsOf: packageRoot.appendingPathComponent("Examples/payloads/" + relativePath))
    }

    /// `extend/extract_run.failed.json`, … for every `.json` file of a provider, sorted.
    static func all(provider: String) throws -> [String] {
        let folder = packageRoot.appendingPathComponent("Examples/payloads/" + provider)
        return try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".json") }
            .sorted()
            .map { provider + "/" + $0 }
    }

    static func json(_ data: Data) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: data)
    }

    static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }

    /// Applies `change` to a delivery's JSON and returns the new bytes.
    static func edited(_ data: Data, _ change: (inout [String: JSONValue]) -> Void) throws -> Data {
        guard case .object(var members) = try json(data) else { return data }
        change(&members)
        return try encode(JSONValue.object(members))
    }
}

extension JSONValue {
    /// Sets `value` at a path of object members, creating nothing: the path's objects must exist.
    mutating func set(_ path: [String], to value: JSONValue) {
        guard let first = path.first, case .object(var members) = self else { return }
        if path.count == 1 {
            members[first] = value
        } else if var child = members[first] {
            child.set(Array(path.dropFirst()), to: value)
            members[first] = child
        }
        self = .object(members)
    }
}

extension ExtractRunPayload {
    /// The inline extract run, or nil for a signed-URL payload.
    var run: ExtractRun? {
        if case .extractRun(let run) = self { return run }
        return nil
    }
}
