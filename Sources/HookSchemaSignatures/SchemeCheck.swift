import HookSchemaModel

/// Checks that a declared scheme can be used: every placeholder of its signed content has a source, and a
/// declared tolerance has a timestamp to apply to.
enum SchemeCheck {
    static func template(of scheme: SignatureScheme) throws(SignatureError) -> SignedContentTemplate {
        let template = try SignedContentTemplate(scheme.signedContent)
        guard !scheme.signatureHeader.isEmpty else { throw .invalidScheme("the signature header name is empty") }
        let hasTimestamp: Bool
        if scheme.timestampHeader != nil {
            hasTimestamp = true
        } else if case .keyValue = scheme.format {
            hasTimestamp = true
        } else {
            hasTimestamp = false
        }
        if template.usesTimestamp, !hasTimestamp {
            throw .invalidScheme(
                "signedContent uses `{timestamp}`, but there is no timestamp header and the format carries none"
            )
        }
        if template.usesID, scheme.idHeader == nil {
            throw .invalidScheme("signedContent uses `{id}`, but no id header is declared")
        }
        if !hasTimestamp, scheme.tolerancePast != nil || scheme.toleranceFuture != nil {
            throw .invalidScheme("a timestamp tolerance is declared, but the scheme carries no timestamp")
        }
        if let past = scheme.tolerancePast, past < 0 {
            throw .invalidScheme("the past tolerance is negative (\(past) s)")
        }
        if let future = scheme.toleranceFuture, future < 0 {
            throw .invalidScheme("the future tolerance is negative (\(future) s)")
        }
        switch scheme.format {
        case .plain:
            break
        case .keyValue(let separator, let timestampKey, let signatureKey):
            if separator.isEmpty || timestampKey.isEmpty || signatureKey.isEmpty || timestampKey == signatureKey {
                throw .invalidScheme("the key-value format needs a separator and two different, non-empty keys")
            }
        case .versionedList(let separator, let versionSeparator, let version):
            if separator.isEmpty || versionSeparator.isEmpty || version.isEmpty {
                throw .invalidScheme("the versioned-list format needs both separators and a version")
            }
        }
        return template
    }
}
