#!/usr/bin/env bash
# Builds the DocC documentation of every library product an app links with swift-docc-plugin, warnings treated as
# errors (a broken symbol link or an unknown parameter name fails the build), then fails when a public symbol has no
# documentation comment of its own or inherited from the protocol requirement it implements.
#
#   Scripts/docs.sh                 # every catalog: .build/docs/<Target>.doccarchive
#   Scripts/docs.sh HookSchemaRuntime HookSchemaSignatures
#   xcrun docc preview / `swift package --disable-sandbox preview-documentation --target NAME` to read one locally
#
# Built with the receiver's traits (their modules compile to nothing without them), like CI's one build.
set -euo pipefail
cd "$(dirname "$0")/.."

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(HookSchemaRuntime HookSchemaValidation HookSchemaSignatures HookSchemaReceiver HookSchemaReceiverSQLite
        HookSchemaReceiverPostgres HookSchemaReceiverHummingbird)
fi
output=.build/docs
mkdir -p "$output"
arguments=()
for target in "${targets[@]}"; do arguments+=(--target "$target"); done

swift package --traits Receiver --allow-writing-to-directory "$output" generate-documentation "${arguments[@]}" \
    --warnings-as-errors --output-path "$output"

symbols="$(swift build --traits Receiver --show-bin-path)/../extracted-symbols/main"
python3 Scripts/doc_coverage.py "$symbols" "${targets[@]}"
