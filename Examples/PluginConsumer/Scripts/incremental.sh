#!/usr/bin/env bash
# Proves that the HookSchemaPlugin build plugin is well behaved, on this package's OrbitpayModels target:
#   1. a no-change build regenerates nothing and recompiles nothing;
#   2. editing, adding and deleting a YAML schema each take effect on the next build, with no manual step;
#   3. a YAML error fails the build with `<absolute path>.yaml:line:column: error:` for that file;
#   4. the command plugin (generate-webhook-code) writes byte-identical files to the build plugin's.
# It also measures the no-change build with the plugin against the same target holding the same code as committed
# files (no plugin), and the build after editing one schema.
#
# Usage: Scripts/incremental.sh [scratch path, default .build-ci]. Every build uses `swift build --build-tests`, the
# configuration `swift test` uses, so the script shares CI's build folder without rebuilding everything. The target's
# files and Package.swift are restored on exit, whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."

scratch="${1:-.build-ci}"
target=Sources/OrbitpayModels
schemas="$target/orbitpay"

backup="$(mktemp -d)"
cp -R "$target" "$backup/target"
cp Package.swift "$backup/Package.swift"
restore() {
    rm -rf "$target"
    cp -R "$backup/target" "$target"
    cp "$backup/Package.swift" Package.swift
    rm -rf "$backup"
}
trap restore EXIT

fail() {
    printf 'FAIL: %s\n' "$*" >&2
    exit 1
}
step() { printf '\n--> %s\n' "$*"; }

log="$(mktemp)"
seconds=0
# Runs `swift build`, keeping its output in $log and its wall time in $seconds; returns its exit status.
build() {
    local start end status=0
    start=$(date +%s.%N)
    swift build --build-tests --scratch-path "$scratch" >"$log" 2>&1 || status=$?
    end=$(date +%s.%N)
    seconds=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", e - s }')
    return $status
}
build_ok() {
    build || { cat "$log" >&2; fail "swift build failed: $*"; }
}
# The plugin's output folder, once a build has run it.
outputs() {
    find "$scratch/plugins/outputs" -type d -path '*OrbitpayModels/destination/HookSchemaPlugin/GeneratedSources' \
        -print -quit
}
generated() { echo "$(outputs)/OrbitpayWebhooks/$1"; }
mtime() { stat -c %y "$1" 2>/dev/null || stat -f %Fm "$1"; }

step "warm build"
build_ok "warm build"
[ -n "$(outputs)" ] || fail "the plugin wrote no output folder"

step "no-change build: nothing regenerated, nothing recompiled"
before="$(mtime "$(generated OrbitpayTypes.swift)")"
build_ok "no-change build"
build_ok "no-change build"
noop_plugin=$seconds
grep -q "Compiling OrbitpayModels" "$log" && { cat "$log"; fail "a no-change build recompiled OrbitpayModels"; }
[ "$(mtime "$(generated OrbitpayTypes.swift)")" = "$before" ] || fail "a no-change build rewrote OrbitpayTypes.swift"
echo "no-change build with the plugin: ${noop_plugin}s"

step "edit payment.succeeded.yaml: the next build regenerates it (and only the files it changes)"
types_before="$(mtime "$(generated OrbitpayTypes.swift)")"
cat >>"$schemas/payment.succeeded.yaml" <<'EOF'
    receiptUrl: { type: uri, description: Added by Scripts/incremental.sh. }
EOF
build_ok "build after an edit"
edit_seconds=$seconds
grep -q "public var receiptUrl: String?" "$(generated Orbitpay+PaymentSucceeded.swift)" \
    || fail "the edit did not reach Orbitpay+PaymentSucceeded.swift"
[ "$(mtime "$(generated OrbitpayTypes.swift)")" = "$types_before" ] || fail "an event edit rewrote OrbitpayTypes.swift"
echo "build after editing one schema: ${edit_seconds}s"

step "add payment.failed.yaml: the next build generates it"
cat >"$schemas/payment.failed.yaml" <<'EOF'
event: payment.failed
description: A payment could not be captured.
payload:
  type: object
  fields:
    payment: { $ref: Payment, required: true }
    declineCode: { type: string, required: true }
EOF
build_ok "build after adding a schema"
[ -f "$(generated Orbitpay+PaymentFailed.swift)" ] || fail "no Orbitpay+PaymentFailed.swift after adding the YAML"
grep -q "case paymentFailed(PaymentFailedEvent)" "$(generated OrbitpayEvent.swift)" \
    || fail "OrbitpayEvent has no paymentFailed case"

step "delete payment.failed.yaml: the next build drops it"
rm "$schemas/payment.failed.yaml"
build_ok "build after deleting a schema"
[ ! -e "$(generated Orbitpay+PaymentFailed.swift)" ] || fail "Orbitpay+PaymentFailed.swift survived its YAML"
grep -q "paymentFailed" "$(generated OrbitpayEvent.swift)" && fail "OrbitpayEvent still has paymentFailed"

step "a YAML error fails the build at the YAML line"
cp "$schemas/payment.refunded.yaml" "$backup/refunded.yaml"
sed -i.orig 's/id: { type: string, required: true, pattern: "\^re_" }/id: { type: strng, required: true }/' \
    "$schemas/payment.refunded.yaml"
rm -f "$schemas/payment.refunded.yaml.orig"
if build; then
    fail "swift build succeeded with a schema error"
fi
yaml="$(cd "$schemas" && pwd)/payment.refunded.yaml"
grep -E "^${yaml}:[0-9]+:[0-9]+: error: unknown type \`strng\`; did you mean \`string\`\?" "$log" \
    || { cat "$log"; fail "no file:line:column error for payment.refunded.yaml"; }
cp "$backup/refunded.yaml" "$schemas/payment.refunded.yaml"
build_ok "build after fixing the error"

step "the command plugin writes byte-identical files"
cp "$backup/target/orbitpay/payment.succeeded.yaml" "$schemas/payment.succeeded.yaml"
build_ok "build with the original schemas"
swift package --scratch-path "$scratch" --allow-writing-to-package-directory generate-webhook-code \
    --target OrbitpayModels >"$log" 2>&1 || { cat "$log"; fail "generate-webhook-code failed"; }
diff -r "$(outputs)" "$target/GeneratedSources" || fail "the command plugin's output differs from the build plugin's"
echo "identical: $(find "$target/GeneratedSources" -name '*.swift' | wc -l | tr -d ' ') files"

step "baseline: the same target with the generated code committed (no plugin)"
sed -i.orig 's/^ *plugins: \[.plugin(name: "HookSchemaPlugin", package: "hookschema")\]$//' Package.swift
rm -f Package.swift.orig
grep -q HookSchemaPlugin Package.swift && fail "could not remove the plugin from Package.swift"
build_ok "build without the plugin"
build_ok "no-change build without the plugin"
build_ok "no-change build without the plugin"
noop_plain=$seconds

restore
trap - EXIT
step "restored; rebuilding with the plugin"
build_ok "build after restoring"

printf '\nno-change build: %ss with the plugin, %ss with the same code committed (added: %ss)\n' \
    "$noop_plugin" "$noop_plain" "$(awk -v a="$noop_plugin" -v b="$noop_plain" 'BEGIN { printf "%.1f", a - b }')"
printf 'build after editing one schema: %ss\n' "$edit_seconds"
rm -f "$log"
echo "incremental.sh: all checks passed"
