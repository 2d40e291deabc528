import HookSchemaModel
import HookSchemaRuntime

extension Walker {
    mutating func checkString(_ node: PlanNode, _ index: Int) {
        if node.constant >= 0 {
            if !equalsStringConstant(node, index) { constMismatch(plan.constants[node.constant], index) }
            return
        }
        if let format = node.format {
            let valid = reader.withString(index) { StringFormats.isValid($0, format: format) }
            if !valid {
                report(
                    .formatInvalid, "\(reader.preview(index)) is not \(StringFormats.describe(format))",
                    expected: .string(format.rawValue), actual: reader.scalarValue(index))
            }
        }
        if node.minLength >= 0 || node.maxLength >= 0 {
            let length = reader.scalarCount(index)
            if node.minLength >= 0, length < node.minLength {
                report(
                    .constraintViolation,
                    "the string is \(length) characters long; the minimum is \(node.minLength)",
                    expected: .integer(Int64(node.minLength)), actual: .integer(Int64(length)))
            }
            if node.maxLength >= 0, length > node.maxLength {
                report(
                    .constraintViolation,
                    "the string is \(length) characters long; the maximum is \(node.maxLength)",
                    expected: .integer(Int64(node.maxLength)), actual: .integer(Int64(length)))
            }
        }
        if node.pattern >= 0 {
            let pattern = plan.patterns[node.pattern]
            if !reader.withString(index, pattern.matches) {
                report(
                    .constraintViolation,
                    "\(reader.preview(index)) does not match the pattern \(JSONText.quoted(pattern.source))",
                    expected: .string(pattern.source), actual: reader.scalarValue(index))
            }
        }
    }

    /// Whether the string at `index` is node's constant (false when the constant is not a string).
    private func equalsStringConstant(_ node: PlanNode, _ index: Int) -> Bool {
        reader.withString(index) { plan.stringConstants.lookup($0, in: node.constant) != nil }
    }

    mutating func checkEnum(_ node: PlanNode, _ index: Int) {
        if reader.withString(index, { plan.enumTable.lookup($0, in: node.child) }) != nil {
            if node.constant >= 0, !equalsStringConstant(node, index) {
                constMismatch(plan.constants[node.constant], index)
            }
            return
        }
        let enumeration = plan.enums[node.child]
        report(
            .unknownEnumValue,
            "\(reader.preview(index)) is not one of the \(enumeration.closed ? "allowed" : "known") values",
            severity: enumeration.closed ? .error : .warning,
            expected: enumeration.values, actual: reader.scalarValue(index))
    }

    /// An integer enum: an integer (as for `type: integer`) whose decimal text is one of the values.
    mutating func checkIntegerEnum(_ node: PlanNode, _ index: Int) {
        let enumeration = plan.enums[node.child]
        guard !reader.hasFractionOrExponent(index), let value = reader.int64(index) else {
            report(
                .typeMismatch, "expected an integer, found the number \(reader.preview(index))",
                expected: .string("integer"), actual: .string("number"))
            return
        }
        let text = String(value)
        if enumeration.names.contains(text) {
            if let constant = plan.constant(node), constant != .integer(value) {
                constMismatch(constant, index)
            }
            return
        }
        report(
            .unknownEnumValue,
            "\(text) is not one of the \(enumeration.closed ? "allowed" : "known") values",
            severity: enumeration.closed ? .error : .warning,
            expected: enumeration.values, actual: .integer(value))
    }

    mutating func checkNumber(_ node: PlanNode, _ index: Int) {
        let token = reader.tokens[index]
        let isInteger = !reader.hasFractionOrExponent(index)
        let value: Double
        if node.kind == .integer {
            guard isInteger else {
                report(
                    .typeMismatch, "expected an integer, found the number \(reader.preview(index))",
                    expected: .string("integer"), actual: .string("number"))
                return
            }
            guard let integer = reader.int64(index) else {
                report(
                    .typeMismatch,
                    "expected an integer, found \(reader.preview(index)), which does not fit in a 64-bit integer",
                    expected: .string("integer"), actual: .string("integer"))
                return
            }
            if let constant = plan.constant(node), constant != .integer(integer) {
                constMismatch(constant, index)
                return
            }
            guard node.numberRules >= 0 else { return }
            value = Double(integer)
        } else {
            // Only a number with an exponent or of more than 300 digits can overflow a double; others are parsed
            // only when a rule needs the value.
            let needsValue = node.numberRules >= 0 || node.constant >= 0
                || token.flags & JSONTape.Token.hasExponent != 0 || token.end - token.start > 300
            guard needsValue else { return }
            value = reader.double(index)
            guard value.isFinite else {
                report(
                    .typeMismatch, "the number \(reader.preview(index)) does not fit in a 64-bit floating-point value",
                    expected: .string("number"), actual: .string("number"))
                return
            }
            if let constant = plan.constant(node) {
                let equal: Bool
                switch constant {
                case .number(let expected): equal = expected == value
                case .integer(let expected): equal = Double(expected) == value
                default: equal = false
                }
                if !equal {
                    constMismatch(constant, index)
                    return
                }
            }
        }
        if let rules = plan.numberRules(of: node) {
            checkRange(rules, value, index)
        }
    }

    private mutating func checkRange(_ rules: NumberRules, _ value: Double, _ index: Int) {
        let shown = reader.preview(index)
        if let minimum = rules.minimum, value < minimum {
            report(
                .constraintViolation, "\(shown) is less than the minimum \(JSONText.format(minimum))",
                expected: .number(minimum), actual: reader.scalarValue(index))
        }
        if let maximum = rules.maximum, value > maximum {
            report(
                .constraintViolation, "\(shown) is greater than the maximum \(JSONText.format(maximum))",
                expected: .number(maximum), actual: reader.scalarValue(index))
        }
        if let minimum = rules.exclusiveMinimum, value <= minimum {
            report(
                .constraintViolation, "\(shown) is not greater than the exclusive minimum \(JSONText.format(minimum))",
                expected: .number(minimum), actual: reader.scalarValue(index))
        }
        if let maximum = rules.exclusiveMaximum, value >= maximum {
            report(
                .constraintViolation, "\(shown) is not less than the exclusive maximum \(JSONText.format(maximum))",
                expected: .number(maximum), actual: reader.scalarValue(index))
        }
    }
}
