import Foundation

/// Builds a corpus of realistic deliveries from the example payloads: every example is a template; arrays are
/// grown by repeating their elements (so sizes spread from ~1 KB to ~30 KB), ids are varied, and about one
/// delivery in ten is drifted (an unknown member, a new enum value, a wrong type or a missing member).
struct CorpusGenerator {
    let templates: [(name: String, value: Any)]
    private var random: SplitMix

    init(examplesFolder: String, seed: UInt64) throws {
        var templates: [(String, Any)] = []
        let fileManager = FileManager.default
        guard let enumerator = fileManager.enumerator(atPath: examplesFolder) else {
            throw BenchError("cannot read \(examplesFolder)")
        }
        var paths: [String] = []
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".json") else { continue }
            // Only the passing examples (top-level provider folders), not the drift/ fixtures.
            if relative.split(separator: "/").count == 2 { paths.append(relative) }
        }
        for relative in paths.sorted() {
            let data = try Data(contentsOf: URL(fileURLWithPath: examplesFolder + "/" + relative))
            templates.append((relative, try JSONSerialization.jsonObject(with: data)))
        }
        guard !templates.isEmpty else { throw BenchError("no example payloads in \(examplesFolder)") }
        self.templates = templates
        self.random = SplitMix(state: seed)
    }

    /// `count` NDJSON lines (no trailing newline in each).
    mutating func generate(count: Int) throws -> [[UInt8]] {
        var lines: [[UInt8]] = []
        lines.reserveCapacity(count)
        for index in 0..<count {
            let template = templates[index % templates.count].value
            // A target size between 1 KB and 30 KB, most deliveries small (log-uniform); arrays are grown by the
            // largest factor that stays within it.
            let target = Int(1_000 * pow(30.0, Double(random.next() % 1_000) / 1_000))
            var chosen: [UInt8] = []
            for factor in [1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48] {
                var value = vary(grow(template, factor: factor), index: index)
                if drifted(index) {
                    value = drift(value, kind: index / 10 % 4)
                }
                let data = try JSONSerialization.data(
                    withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes])
                if chosen.isEmpty || data.count <= target {
                    chosen = [UInt8](data)
                } else {
                    break
                }
            }
            lines.append(chosen)
        }
        return lines
    }

    /// One delivery in ten.
    private func drifted(_ index: Int) -> Bool {
        index % 10 == 7
    }

    /// Repeats the elements of every array `factor` times.
    private func grow(_ value: Any, factor: Int) -> Any {
        switch value {
        case let object as [String: Any]:
            return object.mapValues { grow($0, factor: factor) }
        case let array as [Any]:
            let grown = array.map { grow($0, factor: factor) }
            guard factor > 1, !grown.isEmpty else { return grown }
            return Array(repeating: grown, count: factor).flatMap { $0 }
        default:
            return value
        }
    }

    /// A distinct event id per delivery.
    private func vary(_ value: Any, index: Int) -> Any {
        guard var object = value as? [String: Any] else { return value }
        if object["eventId"] != nil {
            object["eventId"] = "evt_bench_\(String(index, radix: 36))"
        }
        return object
    }

    /// One realistic drift: an unknown member, a new status value, an id of the wrong type, a missing member.
    private func drift(_ value: Any, kind: Int) -> Any {
        guard var object = value as? [String: Any] else { return value }
        let payloadKey = object["payload"] != nil ? "payload" : "data"
        switch kind {
        case 0:
            object["deliveryAttempt"] = 2
        case 1:
            if var payload = object[payloadKey] as? [String: Any] {
                payload["status"] = "ARCHIVED"
                object[payloadKey] = payload
            }
        case 2:
            object["eventId"] = 1_234_567
        default:
            object["eventId"] = nil
        }
        return object
    }
}

/// A small deterministic random generator, so every run measures the same corpus.
struct SplitMix {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
