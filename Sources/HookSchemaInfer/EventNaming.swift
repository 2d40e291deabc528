import Foundation

/// How the events of a set of samples are named, found from the samples (`infer`'s first pass): by a header
/// (`X-GitHub-Event`, `X-Shopify-Topic`) and maybe a body member for the variant (`action`), or by a body member
/// (`eventType`, `type`).
///
/// The rule: a candidate is a top-level string member present in every sample (for a header: a captured header
/// whose name says `event` or `topic`, not an id, signature or timestamp, present in every sample) whose values are
/// all names (`ValueShape.isNameLike`: not ids, dates or URLs) and take two or more values. A header candidate
/// wins over a body member (a provider that names events in a header says so in every delivery). Body members are ranked by
/// how well their values partition the samples' shapes: the **gain ratio** (C4.5's) I(member; shape) / H(member),
/// where a sample's shape is a hash of its member names two levels deep. An event id splits the shapes perfectly
/// but is unique per sample, so its H is large and its ratio small; an event type's ratio is near 1. Ties go to
/// fewer distinct values. Below `InferenceRules.minGainRatio` a member is not taken, and `--discriminator` is asked
/// for.
struct EventSurvey {
    /// Candidate body members' statistics, by name, and the names in the order first seen.
    private var members: [String: Candidate] = [:]
    private var memberOrder: [String] = []
    private var headers: [String: Candidate] = [:]
    private var headerOrder: [String] = []
    private(set) var samples = 0

    struct Candidate {
        var name: String
        var present = 0
        var nameLike = true
        /// (group, value) → shape → count, where group is the event header's value (for variants; "" without).
        var joint: [String: [UInt64: Int]]? = [:]
        var values: Set<String> = []
    }

    /// Adds one sample: its top-level string members (name → value), its shape, and its headers.
    mutating func add(
        strings: [(name: String, value: String)], shape: UInt64, headers: [(name: String, value: String)]
    ) {
        samples += 1
        var group = ""
        for (name, value) in headers where Self.isEventHeader(name) {
            let key = name.lowercased()
            if self.headers[key] == nil {
                self.headers[key] = Candidate(name: name)
                headerOrder.append(key)
            }
            Self.count(&self.headers[key]!, value: value, group: "", shape: shape)
            if group.isEmpty, ValueShape.isNameLike(value) { group = value }
        }
        for (name, value) in strings {
            if members[name] == nil {
                members[name] = Candidate(name: name)
                memberOrder.append(name)
            }
            Self.count(&members[name]!, value: value, group: group, shape: shape)
        }
    }

    private static func count(_ candidate: inout Candidate, value: String, group: String, shape: UInt64) {
        candidate.present += 1
        if candidate.nameLike, !ValueShape.isNameLike(value) { candidate.nameLike = false }
        guard candidate.nameLike, candidate.joint != nil else { return }
        candidate.values.insert(value)
        if candidate.values.count > InferenceRules.eventValueLimit {
            candidate.joint = nil
            return
        }
        candidate.joint?[group + "\u{0}" + value, default: [:]][shape, default: 0] += 1
    }

    /// A header that may name the event: its name says event or topic (`X-GitHub-Event`, `X-Shopify-Topic`,
    /// `Twitch-Eventsub-Message-Type`), and is not an id, a signature, a timestamp or a retry count
    /// (`X-Plextera-Event-Id`, `Twitch-Eventsub-Message-Signature`).
    static func isEventHeader(_ name: String) -> Bool {
        let lower = name.lowercased()
        guard lower.contains("event") || lower.contains("topic") else { return false }
        return !lower.hasSuffix("id") && !lower.hasSuffix("guid")
            && !["signature", "timestamp", "retry", "delivery", "attempt"].contains { lower.contains($0) }
    }

    /// The naming the samples show; `discriminator` when given. Throws when nothing names the events.
    func naming(discriminator: String?, rules: InferenceRules) throws -> EventNaming {
        if let discriminator {
            return .member(discriminator)
        }
        for key in headerOrder {
            guard let header = headers[key], header.present == samples, header.nameLike, header.joint != nil else {
                continue
            }
            let variant = best(of: memberOrder.compactMap { members[$0] }, grouped: true, rules: rules)
            return .header(header.name, variant: variant?.name)
        }
        if let member = best(of: memberOrder.compactMap { members[$0] }, grouped: false, rules: rules) {
            return .member(member.name)
        }
        throw InferenceError(
            "no member names the events (a top-level string member in every sample, whose values are names and "
                + "split the samples' shapes), and no header does; give --discriminator MEMBER")
    }

    /// The candidate with the best gain ratio; `grouped`: within the event header's groups (a variant), where a
    /// member need only be present in every sample of the groups that have it.
    private func best(of candidates: [Candidate], grouped: Bool, rules: InferenceRules) -> Candidate? {
        var best: (candidate: Candidate, ratio: Double)?
        for candidate in candidates {
            guard candidate.nameLike, let joint = candidate.joint, candidate.values.count >= 2 else { continue }
            guard grouped || candidate.present == samples else { continue }
            let ratio = Self.gainRatio(joint)
            guard ratio >= rules.minGainRatio else { continue }
            if let current = best {
                if ratio < current.ratio - 1e-9 { continue }
                if abs(ratio - current.ratio) <= 1e-9, candidate.values.count >= current.candidate.values.count {
                    continue
                }
            }
            best = (candidate, ratio)
        }
        return best?.candidate
    }

    /// I(value; shape | group) / H(value | group), from the joint counts keyed `group \0 value`.
    static func gainRatio(_ joint: [String: [UInt64: Int]]) -> Double {
        var groups: [String: (total: Int, shapes: [UInt64: Int], values: [Int])] = [:]
        for (key, shapes) in joint {
            let group = String(key.prefix { $0 != "\u{0}" })
            var entry = groups[group] ?? (0, [:], [])
            let total = shapes.values.reduce(0, +)
            entry.total += total
            for (shape, count) in shapes { entry.shapes[shape, default: 0] += count }
            entry.values.append(total)
            groups[group] = entry
        }
        let all = Double(groups.values.reduce(0) { $0 + $1.total })
        var entropyOfValue = 0.0
        var entropyOfShape = 0.0
        var entropyOfShapeGivenValue = 0.0
        for (_, group) in groups {
            let weight = Double(group.total) / all
            entropyOfValue += weight * entropy(group.values)
            entropyOfShape += weight * entropy(Array(group.shapes.values))
        }
        for (_, shapes) in joint {
            let total = shapes.values.reduce(0, +)
            entropyOfShapeGivenValue += Double(total) / all * entropy(Array(shapes.values))
        }
        guard entropyOfValue > 0 else { return 0 }
        return (entropyOfShape - entropyOfShapeGivenValue) / entropyOfValue
    }

    private static func entropy(_ counts: [Int]) -> Double {
        let total = Double(counts.reduce(0, +))
        guard total > 0 else { return 0 }
        return counts.reduce(0.0) { sum, count in
            guard count > 0 else { return sum }
            let p = Double(count) / total
            return sum - p * log2(p)
        }
    }
}

/// How events are named (see `EventSurvey`).
enum EventNaming: Equatable {
    case member(String)
    case header(String, variant: String?)
}

/// Why `infer` could not do what was asked.
public struct InferenceError: Error, CustomStringConvertible {
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}
