import HookSchemaModel

/// Reads a provider's `signature:` block into a `SignatureScheme`, checking that it is complete and consistent.
struct SignatureParser {
    let log: DiagnosticLog

    static let keys = [
        "algorithm", "header", "format", "timestampHeader", "idHeader", "signedContent", "encoding", "secret",
        "tolerance",
    ]

    func parse(_ node: YAMLNode) -> SignatureScheme? {
        guard let reader = MappingReader(node, what: "`signature`", log: log) else { return nil }
        reader.rejectUnknownKeys(allowed: Self.keys, in: "`signature`")
        var complete = true

        var algorithm = SignatureAlgorithm.hmacSHA256
        if let entry = reader["algorithm"], let name = reader.string("algorithm") {
            if let value = SignatureAlgorithm(rawValue: name) {
                algorithm = value
            } else {
                let known = SignatureAlgorithm.allCases.map(\.rawValue)
                log.error(
                    "unknown signature algorithm `\(name)`\(Suggestion.didYouMean(name, among: known)) "
                        + "(supported: \(known.joined(separator: ", ")))",
                    at: entry.value.location
                )
                complete = false
            }
        }
        let header = reader.require("header", in: "`signature`").flatMap { _ in reader.string("header") }
        let formatAndPrefix = reader.require("format", in: "`signature`").flatMap { headerFormat($0.value) }
        let format = formatAndPrefix?.format
        let timestampHeader = reader.string("timestampHeader")
        let idHeader = reader.string("idHeader")
        let encoding = reader.require("encoding", in: "`signature`").flatMap { entry in
            reader.string("encoding").flatMap { name in
                let value = SignatureEncoding(rawValue: name)
                if value == nil {
                    log.error(
                        "unknown signature encoding `\(name)`\(Suggestion.didYouMean(name, among: ["hex", "base64"]))"
                            + " (known: hex, base64)",
                        at: entry.value.location
                    )
                }
                return value
            }
        }
        let secretAndPrefix = reader.require("secret", in: "`signature`").flatMap {
            secretEncoding($0.value, algorithm: algorithm)
        }
        let secret = secretAndPrefix?.encoding
        var tolerancePast: Int?
        var toleranceFuture: Int?
        if let tolerance = reader.mapping("tolerance") {
            tolerance.rejectUnknownKeys(allowed: ["past", "future"], in: "`tolerance`")
            tolerancePast = tolerance.count("past")
            toleranceFuture = tolerance.count("future")
        }
        var signedContent: String?
        if let entry = reader.require("signedContent", in: "`signature`"), let template = reader.string("signedContent")
        {
            // An unreadable `format` is reported already; assume it would have provided the timestamp.
            let hasTimestamp = timestampHeader != nil || format?.carriesTimestamp ?? true
            if checkTemplate(template, hasTimestamp: hasTimestamp, hasID: idHeader != nil, at: entry.value.location) {
                signedContent = template
            }
        }
        guard complete, let header, let format, let signedContent, let encoding, let secret else { return nil }
        return SignatureScheme(
            algorithm: algorithm,
            signatureHeader: header,
            format: format,
            signaturePrefix: formatAndPrefix?.prefix,
            timestampHeader: timestampHeader,
            idHeader: idHeader,
            signedContent: signedContent,
            encoding: encoding,
            secret: secret,
            signingKeyPrefix: secretAndPrefix?.signingPrefix,
            tolerancePast: tolerancePast,
            toleranceFuture: toleranceFuture
        )
    }

    /// `plain`, `{ style: plain, prefix: "sha256=" }`, `{ style: key-value, … }` or `{ style: versioned-list, … }`.
    private func headerFormat(_ node: YAMLNode) -> (format: SignatureHeaderFormat, prefix: String?)? {
        if let scalar = node.scalar {
            guard scalar.text == "plain" else {
                log.error(
                    "unknown signature format `\(scalar.text)`: write `plain`, or a mapping with "
                        + "`style: key-value` or `style: versioned-list`",
                    at: node.location
                )
                return nil
            }
            return (.plain, nil)
        }
        guard let reader = MappingReader(node, what: "`format`", log: log) else { return nil }
        guard let styleEntry = reader.require("style", in: "`format`"), let style = reader.string("style") else {
            return nil
        }
        switch style {
        case "plain":
            reader.rejectUnknownKeys(allowed: ["style", "prefix"], in: "a plain `format`")
            guard reader["prefix"] != nil else { return (.plain, nil) }
            guard let prefix = required("prefix", reader, in: "a plain `format`") else { return nil }
            return (.plain, prefix)
        case "key-value":
            reader.rejectUnknownKeys(
                allowed: ["style", "separator", "timestamp", "signature"], in: "a key-value `format`")
            let separator = required("separator", reader, in: "a key-value `format`")
            let timestamp = required("timestamp", reader, in: "a key-value `format`")
            let signature = required("signature", reader, in: "a key-value `format`")
            guard let separator, let timestamp, let signature else { return nil }
            return (.keyValue(pairSeparator: separator, timestampKey: timestamp, signatureKey: signature), nil)
        case "versioned-list":
            reader.rejectUnknownKeys(
                allowed: ["style", "separator", "versionSeparator", "version"],
                in: "a versioned-list `format`"
            )
            let separator = required("separator", reader, in: "a versioned-list `format`")
            let versionSeparator = required("versionSeparator", reader, in: "a versioned-list `format`")
            let version = required("version", reader, in: "a versioned-list `format`")
            guard let separator, let versionSeparator, let version else { return nil }
            return (
                .versionedList(entrySeparator: separator, versionSeparator: versionSeparator, version: version), nil
            )
        default:
            let styles = ["plain", "key-value", "versioned-list"]
            log.error(
                "unknown signature format style `\(style)`\(Suggestion.didYouMean(style, among: styles)) "
                    + "(known: plain, key-value, versioned-list)",
                at: styleEntry.value.location
            )
            return nil
        }
    }

    /// A required, non-empty string.
    private func required(_ key: String, _ reader: MappingReader, in context: String) -> String? {
        guard let entry = reader.require(key, in: context), let value = reader.string(key) else { return nil }
        guard !value.isEmpty else {
            log.error("`\(key)` must not be empty", at: entry.value.location)
            return nil
        }
        return value
    }

    /// `utf8`, `base64`, `hex`, or `{ encoding: base64 | hex | utf8, prefix: …, signingPrefix: … }`. For Ed25519
    /// the encoding is that of the keys (`utf8` has no meaning there), `prefix` the public key's and `signingPrefix`
    /// the private key's.
    private func secretEncoding(_ node: YAMLNode, algorithm: SignatureAlgorithm)
        -> (encoding: SecretEncoding, signingPrefix: String?)?
    {
        let known = "known: utf8, base64, hex"
        var signingPrefix: String?
        let encoding: SecretEncoding
        let location: SourceLocation
        if let scalar = node.scalar {
            location = node.location
            switch scalar.text {
            case "utf8": encoding = .utf8
            case "base64": encoding = .base64(prefix: nil)
            case "hex": encoding = .hex
            default:
                log.error("unknown secret encoding `\(scalar.text)` (\(known))", at: node.location)
                return nil
            }
        } else {
            guard let reader = MappingReader(node, what: "`secret`", log: log) else { return nil }
            reader.rejectUnknownKeys(allowed: ["encoding", "prefix", "signingPrefix"], in: "`secret`")
            let prefix = reader.string("prefix")
            signingPrefix = reader.string("signingPrefix")
            guard let entry = reader.require("encoding", in: "`secret`"), let name = reader.string("encoding") else {
                return nil
            }
            location = entry.value.location
            switch name {
            case "base64":
                encoding = .base64(prefix: prefix)
            case "utf8", "hex":
                if let prefixEntry = reader["prefix"] {
                    log.error("`prefix` applies only to a base64 secret", at: prefixEntry.keyLocation)
                }
                encoding = name == "hex" ? .hex : .utf8
            default:
                log.error("unknown secret encoding `\(name)` (\(known))", at: entry.value.location)
                return nil
            }
            if let entry = reader["signingPrefix"], !algorithm.isAsymmetric {
                log.error(
                    "`signingPrefix` is the prefix of an Ed25519 private key; an HMAC scheme signs and verifies with "
                        + "one secret",
                    at: entry.keyLocation
                )
            }
        }
        if algorithm.isAsymmetric, encoding == .utf8 {
            log.error(
                "an Ed25519 key is written as `hex` or `base64` (with its prefix); `utf8` applies to HMAC secrets",
                at: location
            )
            return nil
        }
        return (encoding, signingPrefix)
    }

    /// `{body}` is required; `{timestamp}` and `{id}` need somewhere to come from; nothing else is a placeholder.
    private func checkTemplate(_ template: String, hasTimestamp: Bool, hasID: Bool, at location: SourceLocation) -> Bool
    {
        var valid = true
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else {
                log.error("`signedContent` has an unclosed `{`", at: location)
                return false
            }
            let name = String(rest[rest.index(after: open)..<close])
            switch name {
            case "body":
                break
            case "timestamp" where !hasTimestamp:
                log.error(
                    "`signedContent` uses {timestamp}, but neither `timestampHeader` nor the format provides one",
                    at: location
                )
                valid = false
            case "id" where !hasID:
                log.error("`signedContent` uses {id}, but there is no `idHeader`", at: location)
                valid = false
            case "timestamp", "id":
                break
            default:
                log.error(
                    "unknown placeholder {\(name)} in `signedContent` (known: {id}, {timestamp}, {body})",
                    at: location)
                valid = false
            }
            rest = rest[rest.index(after: close)...]
        }
        if !template.contains("{body}") {
            log.error("`signedContent` must include {body}, the raw request body", at: location)
            valid = false
        }
        return valid
    }
}

extension SignatureHeaderFormat {
    var carriesTimestamp: Bool {
        if case .keyValue = self { return true }
        return false
    }
}
