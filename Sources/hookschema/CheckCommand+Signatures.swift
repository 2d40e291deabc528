import Foundation
import HookSchemaModel
import HookSchemaSignatures
import HookSchemaValidation

/// `check --secret-env`: verifies the signatures of captured deliveries (`*.delivery.json`) and reports a failure
/// as a `signature_invalid` error finding in that delivery's result.
///
/// Each `--secret-env` names an environment variable holding a secret: `VAR` for every provider, or
/// `provider=VAR` for one (repeat it for several secrets during a rotation). Captured deliveries are old by nature,
/// so their timestamps are not held to the scheme's tolerance; everything else (headers, signed content, secrets)
/// is checked as a receiver would. Bare bodies have no headers and are not verified.
struct DeliverySignatureCheck {
    /// One verifier per provider that has a scheme and a secret.
    private let verifiers: [String: SignatureVerifier]
    /// The providers' signature headers, to tell the provider of a delivery whose body could not be matched.
    private let signatureHeaders: [(provider: String, header: String)]

    /// Reads the secrets named by `specifications` from `environment`. Throws a usage failure for an unknown
    /// provider, an unset or empty variable, or an unusable secret.
    init(
        specifications: [String],
        schemas: SchemaSet,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        var secrets: [String: [String]] = [:]
        let signed = schemas.providers.filter { $0.signature != nil }
        for specification in specifications {
            let parts = specification.split(separator: "=", maxSplits: 1).map(String.init)
            let variable = parts.count == 2 ? parts[1] : specification
            let providers: [Provider]
            if parts.count == 2 {
                guard let provider = schemas.provider(named: parts[0]) else {
                    throw CLIFailure.usage("--secret-env \(specification): unknown provider `\(parts[0])`")
                }
                guard provider.signature != nil else {
                    throw CLIFailure.usage("--secret-env \(specification): `\(parts[0])` declares no signature scheme")
                }
                providers = [provider]
            } else {
                providers = signed
            }
            guard let value = environment[variable] else {
                throw CLIFailure.usage("environment variable `\(variable)` (--secret-env) is not set")
            }
            let secret = value.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !secret.isEmpty else {
                throw CLIFailure.usage("environment variable `\(variable)` (--secret-env) is empty")
            }
            for provider in providers {
                secrets[provider.name, default: []].append(secret)
            }
        }
        var verifiers: [String: SignatureVerifier] = [:]
        for provider in signed {
            guard var scheme = provider.signature, let providerSecrets = secrets[provider.name] else { continue }
            scheme.tolerancePast = nil
            scheme.toleranceFuture = nil
            do {
                verifiers[provider.name] = try SignatureVerifier(scheme: scheme, secrets: providerSecrets)
            } catch {
                throw CLIFailure.usage("--secret-env for `\(provider.name)`: \(error)")
            }
        }
        self.verifiers = verifiers
        self.signatureHeaders = signed.compactMap { provider in
            provider.signature.map { (provider.name, $0.signatureHeader.lowercased()) }
        }
    }

    /// Verifies `payload` if it is a captured delivery of a provider with a secret, adding a `signature_invalid`
    /// finding to `report` when the signature does not hold.
    ///
    /// Besides the provider the body was matched to, every provider with a secret whose signature header the
    /// delivery carries is tried (two providers may describe the same event, as Standard Webhooks' HMAC and Ed25519
    /// flavours do): a delivery that carries a signature for which a secret was given is never passed unverified.
    /// It verifies when one of them accepts it; otherwise the first one's reason is reported.
    func check(_ payload: PayloadSource.Payload, report: inout DriftReport) {
        guard let headers = payload.headers, payload.unreadable == nil else { return }
        let names = Set(headers.map { $0.name.lowercased() })
        var candidates: [String] = []
        if let provider = report.provider, verifiers[provider] != nil {
            candidates.append(provider)
        }
        for (provider, header) in signatureHeaders
        where names.contains(header) && verifiers[provider] != nil && !candidates.contains(provider) {
            candidates.append(provider)
        }
        var firstFailure: (provider: String, error: SignatureError, header: String)?
        for provider in candidates {
            guard let verifier = verifiers[provider] else { continue }
            do throws(SignatureError) {
                try verifier.verify(body: payload.body, headers: headers)
                return
            } catch {
                if firstFailure == nil {
                    firstFailure = (provider, error, Self.header(of: error) ?? verifier.scheme.signatureHeader)
                }
            }
        }
        guard let failure = firstFailure else { return }
        report.findings.append(
            Finding(
                kind: .signatureInvalid,
                path: JSONPointer.appending(failure.header, to: "/headers"),
                message: "the \(failure.provider) signature does not verify: \(failure.error)"
            )
        )
    }

    /// The header a rejection is about, when it names one.
    private static func header(of error: SignatureError) -> String? {
        switch error {
        case .missingHeader(let name), .malformedHeader(let name, _): name
        default: nil
        }
    }
}
