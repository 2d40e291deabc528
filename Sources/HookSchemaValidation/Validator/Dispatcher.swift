import HookSchemaModel
import HookSchemaRuntime

/// Finds the provider and event of a scanned body and checks the body against that event's schema.
///
/// A provider that names events by a header (`eventHeader`) is chosen when the delivery has that header (or the
/// caller names the event type, `eventType`); otherwise the body's discriminator members decide, as before.
struct Dispatcher {
    let plan: ValidationPlan
    let reader: TapeReader
    /// The delivery's headers, when known.
    var headers: [(name: String, value: String)]?
    /// The event type named by the caller (`check --event`), for a header-named provider whose header is absent.
    var eventType: String?

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
        // A header that names the event decides first: it is what the provider sends to say which event it is.
        for provider in plan.providers {
            guard let header = provider.eventHeader, let value = headerValue(header) else { continue }
            return dispatch(provider, eventType: value, fromHeader: true, path: path)
        }
        for discriminator in plan.discriminators {
            guard let value = reader.member(discriminator.bytes, of: 0) else { continue }
            let kind = reader.tokens[value].kind
            guard kind == .string || kind == .number else { continue }
            // The first provider that knows the event; with headers, of several (Standard Webhooks and Svix both
            // say `type: contact.created`) the one whose headers the delivery carries. Indices only: this runs for
            // every body.
            var best: (provider: Int, event: Int, score: Int)?
            for providerIndex in discriminator.providers {
                let provider = plan.providers[providerIndex]
                guard (kind == .number) == provider.integerDiscriminator else { continue }
                let lookup = { (bytes: UnsafeBufferPointer<UInt8>) in provider.eventTable.lookup(bytes) }
                let found = kind == .string ? reader.withString(value, lookup) : lookup(reader.raw(value))
                guard let event = found else { continue }
                if headers == nil {
                    best = (providerIndex, event, 0)
                    break
                }
                let score = headerScore(provider)
                if best == nil || score > best?.score ?? 0 {
                    best = (providerIndex, event, score)
                }
            }
            if let best {
                let provider = plan.providers[best.provider]
                var walker = Walker(plan: plan, reader: reader, path: path)
                walker.check(provider.events[best.event].node, 0)
                return DriftReport(
                    provider: provider.name, event: provider.events[best.event].type, findings: walker.findings)
            }
        }
        if let eventType, let provider = plan.providers.first(where: { $0.eventHeader != nil }) {
            let named = plan.providers.first { candidate in
                candidate.eventHeader != nil && candidate.eventsBySelector[eventType] != nil
            }
            return dispatch(named ?? provider, eventType: eventType, fromHeader: false, path: path)
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

    /// How many of a provider's own headers (its signature header counting twice) the delivery has: the provider
    /// whose headers a delivery carries is the one that sent it (of equal scores, the first provider in name order).
    private func headerScore(_ provider: ProviderPlan) -> Int {
        guard headers != nil else { return 0 }
        var score = provider.headers.count { headerValue($0.name) != nil }
        if let signature = provider.signatureHeader, headerValue(signature) != nil {
            score += 2
        }
        return score
    }

    /// The value of header `name` (any case; surrounding spaces removed), when the delivery has it.
    private func headerValue(_ name: String) -> String? {
        headers?.headerValue(name)
    }

    /// A header-named provider's delivery: the event of that header value, and of the body's variant member where
    /// the event has variants.
    private func dispatch(
        _ provider: ProviderPlan, eventType: String, fromHeader: Bool, path: TrivialBuffer<Walker.PathStep>
    ) -> DriftReport {
        let headerPath = JSONPointer.appending(provider.eventHeader ?? "", to: "/headers")
        let source = fromHeader ? "the header \(provider.eventHeader ?? "")" : "--event"
        guard let candidates = provider.eventsBySelector[eventType] else {
            let legacy = provider.legacy[eventType].map { ", replaced by \($0)" }
            let message = legacy.map { "\(JSONText.quoted(eventType)) is a legacy \(provider.name) event type\($0)" }
                ?? "\(JSONText.quoted(eventType)) (\(source)) is not a known \(provider.name) event type"
            return DriftReport(
                provider: provider.name, event: eventType,
                findings: [
                    Finding(
                        kind: .unknownEvent, path: fromHeader ? headerPath : "", message: message,
                        actual: .string(eventType))
                ])
        }
        var chosen = candidates.first(where: { $0.variant == nil })?.event
        if let member = provider.variantMember, candidates.contains(where: { $0.variant != nil }) {
            let variants = candidates.compactMap(\.variant)
            let memberPath = JSONPointer.appending(member, to: "")
            let value = reader.member(Array(member.utf8), of: 0)
            if let value, reader.tokens[value].kind == .string {
                let variant = reader.string(value)
                if let match = candidates.first(where: { $0.variant == variant }) {
                    chosen = match.event
                } else if chosen == nil {
                    return DriftReport(
                        provider: provider.name, event: "\(eventType).\(variant)",
                        findings: [
                            Finding(
                                kind: .unknownEvent, path: memberPath,
                                message: "\(JSONText.quoted(variant)) is not a known \(JSONText.quoted(member)) of "
                                    + "\(provider.name) \(JSONText.quoted(eventType)) events",
                                expected: .array(variants.map { .string($0) }), actual: .string(variant))
                        ])
                }
            } else if chosen == nil {
                let finding: Finding
                if let value {
                    let found = reader.typeName(value)
                    finding = Finding(
                        kind: .typeMismatch, path: memberPath,
                        message: "the event's variant \(JSONText.quoted(member)) must be a string; found \(found)",
                        expected: .string("string"), actual: .string(found))
                } else {
                    finding = Finding(
                        kind: .missingRequired, path: memberPath,
                        message: "the required member \(JSONText.quoted(member)) (which \(eventType) event it is) "
                            + "is missing",
                        expected: .array(variants.map { .string($0) }))
                }
                return DriftReport(provider: provider.name, event: eventType, findings: [finding])
            }
        }
        guard let event = chosen else {
            return DriftReport(provider: provider.name, event: eventType)  // unreachable: candidates is not empty
        }
        var walker = Walker(plan: plan, reader: reader, path: path)
        walker.check(provider.events[event].node, 0)
        return DriftReport(provider: provider.name, event: provider.events[event].type, findings: walker.findings)
    }

    /// No provider knows the event: say why, and name the provider when the body's shape tells.
    private func unmatched(_ seenValues: [(group: Int, value: Int)]) -> DriftReport {
        let named = seenValues.first { seen in
            let kind = reader.tokens[seen.value].kind
            return kind == .string
                || kind == .number && plan.discriminators[seen.group].providers.contains {
                    plan.providers[$0].integerDiscriminator
                }
        }
        if let (group, value) = named {
            let discriminator = plan.discriminators[group]
            let eventType =
                reader.tokens[value].kind == .string
                ? reader.string(value) : String(decoding: reader.raw(value), as: UTF8.self)
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
        let headerNamed = provider.flatMap { $0.eventHeader == nil ? nil : $0 }
            ?? (plan.discriminators.isEmpty ? plan.providers.first { $0.eventHeader != nil } : nil)
        if let headerNamed, let header = headerNamed.eventHeader {
            let given = headers == nil
                ? "the body alone does not say which event it is: check a captured delivery with its headers "
                    + "(.delivery.json) or name the event with --event"
                : "the delivery has no such header"
            return DriftReport(
                provider: headerNamed.name,
                findings: [
                    Finding(
                        kind: .missingHeader, path: JSONPointer.appending(header, to: "/headers"),
                        message: "\(headerNamed.name) names the event in the header \(header); \(given)")
                ])
        }
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
