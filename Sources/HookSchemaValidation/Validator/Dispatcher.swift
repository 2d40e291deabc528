import HookSchemaModel
import HookSchemaRuntime

/// Finds the provider and event of a scanned body and checks the body against that event's schema.
struct Dispatcher {
    let plan: ValidationPlan
    let reader: TapeReader

    /// `path` is memory for the walker's path (reused between bodies).
    func run(path: TrivialBuffer<Walker.PathStep>) -> DriftReport {
        guard reader.tokens[0].kind == .object else {
            let found = reader.typeName(0)
            return DriftReport(findings: [
                Finding(
                    kind: .typeMismatch, path: "",
                    message: "a delivery body is a JSON object; found \(found == "array" ? "an array" : found)",
                    expected: .string("object"), actual: .string(found))
            ])
        }
        for discriminator in plan.discriminators {
            guard let value = reader.member(discriminator.bytes, of: 0), reader.tokens[value].kind == .string
            else { continue }
            for providerIndex in discriminator.providers {
                let provider = plan.providers[providerIndex]
                if let event = reader.withString(value, provider.eventTable.lookup) {
                    var walker = Walker(plan: plan, reader: reader, path: path)
                    walker.check(provider.events[event].node, 0)
                    return DriftReport(
                        provider: provider.name, event: provider.events[event].type, findings: walker.findings)
                }
            }
        }
        // Each distinct discriminator member name, with its value in this body (if any).
        var seenValues: [(group: Int, value: Int)] = []
        for (group, discriminator) in plan.discriminators.enumerated() {
            if let value = reader.member(discriminator.bytes, of: 0) {
                seenValues.append((group, value))
            }
        }
        return unmatched(seenValues)
    }

    /// No provider knows the event: say why, and name the provider when the body's shape tells.
    private func unmatched(_ seenValues: [(group: Int, value: Int)]) -> DriftReport {
        if let (group, value) = seenValues.first(where: { reader.tokens[$0.value].kind == .string }) {
            let discriminator = plan.discriminators[group]
            let eventType = reader.string(value)
            let path = JSONPointer.appending(discriminator.name, to: "")
            for providerIndex in discriminator.providers {
                let provider = plan.providers[providerIndex]
                if let replacement = provider.legacy[eventType] {
                    return DriftReport(
                        provider: provider.name, event: eventType,
                        findings: [
                            Finding(
                                kind: .unknownEvent, path: path,
                                message: "\(JSONText.quoted(eventType)) is a legacy \(provider.name) event type, "
                                    + "replaced by \(replacement)",
                                actual: .string(eventType))
                        ])
                }
            }
            let provider = guessProvider(among: discriminator.providers)
            let whose = provider.map { "\($0.name) event type" } ?? "event type of any provider"
            return DriftReport(
                provider: provider?.name, event: eventType,
                findings: [
                    Finding(
                        kind: .unknownEvent, path: path,
                        message: "\(JSONText.quoted(eventType)) is not a known \(whose)",
                        actual: .string(eventType))
                ])
        }
        if let (group, value) = seenValues.first {
            let discriminator = plan.discriminators[group]
            let found = reader.typeName(value)
            return DriftReport(
                provider: guessProvider(among: discriminator.providers)?.name,
                findings: [
                    Finding(
                        kind: .typeMismatch, path: JSONPointer.appending(discriminator.name, to: ""),
                        message: "the event type must be a string; found \(found) \(reader.preview(value))",
                        expected: .string("string"), actual: .string(found))
                ])
        }
        let provider = guessProvider(among: Array(plan.providers.indices))
        let names = provider.map { [$0.discriminator] } ?? plan.discriminators.map(\.name)
        let name = names.first ?? "eventType"
        let message = names.count > 1
            ? "no event type member (\(names.map { JSONText.quoted($0) }.joined(separator: ", "))) in the body"
            : "the required member \(JSONText.quoted(name)) (the event type) is missing"
        return DriftReport(
            provider: provider?.name,
            findings: [
                Finding(kind: .missingRequired, path: JSONPointer.appending(name, to: ""), message: message)
            ])
    }

    /// The provider whose envelope members the body has most of, when that is one provider.
    private func guessProvider(among candidates: [Int]) -> ProviderPlan? {
        if candidates.count == 1 { return plan.providers[candidates[0]] }
        var names: Set<String> = []
        var key = 1
        let end = Int(reader.tokens[0].end)
        while key < end {
            names.insert(reader.string(key))
            key = reader.next(after: key + 1)
        }
        let scored = candidates.map { (index: $0, score: plan.providers[$0].envelopeFields.intersection(names).count) }
        guard let best = scored.max(by: { $0.score < $1.score }), best.score > 0,
            scored.filter({ $0.score == best.score }).count == 1
        else { return nil }
        return plan.providers[best.index]
    }
}
