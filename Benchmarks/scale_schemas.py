#!/usr/bin/env python3
"""Writes a synthetic provider with N ExtractRun-sized events for Benchmarks/scale.sh.

    scale_schemas.py OUTPUT_DIR N

provider.yaml declares the shared types once (status and failure-reason enums, a file summary with its metadata,
usage with a breakdown, a processor summary, an output with per-field metadata, a two-member union); each event
file has an inline payload object of about 25 members, its own enum and nested object, that references them.
Deterministic: the same N always gives the same files.
"""
import os
import sys

PROVIDER = """provider: synth
swiftName: Synth
description: Synthetic provider for the scale benchmark.
envelope:
  discriminator: eventType
  payload: payload
  fields:
    eventId: { type: string, required: true }
    eventType: { type: string, required: true }
types:
  RunStatus:
    type: enum
    values: [PENDING, PROCESSING, PROCESSED, FAILED, CANCELLED]
  FailureReason:
    type: enum
    values: [ABORTED, INTERNAL_ERROR, FAILED_TO_PROCESS_FILE, INVALID_PROCESSOR, OUT_OF_CREDITS]
  FileType:
    type: enum
    values: [PDF, CSV, IMG, TXT, DOCX, EXCEL, XML, HTML]
  FileSummary:
    type: object
    fields:
      object: { type: string, const: file, required: true }
      id: { type: string, required: true }
      name: { type: string, required: true }
      type: { $ref: FileType, nullable: true }
      parentFileId: { type: string, required: true, nullable: true }
      metadata: { $ref: FileMetadata, required: true }
      createdAt: { type: datetime, required: true }
      updatedAt: { type: datetime, required: true }
  FileMetadata:
    type: object
    fields:
      pageCount: { type: integer, minimum: 0 }
      parentSplit: { $ref: ParentSplit }
  ParentSplit:
    type: object
    fields:
      id: { type: string, required: true }
      type: { type: string, required: true }
      startPage: { type: integer, required: true }
      endPage: { type: integer, required: true }
  RunUsage:
    type: object
    fields:
      credits: { type: number, required: true }
      totalCredits: { type: number }
      breakdown: { type: array, items: { $ref: UsageEntry } }
  UsageEntry:
    type: object
    fields:
      object: { type: string, required: true }
      id: { type: string, required: true }
      credits: { type: number, required: true }
      charges: { type: array, items: any }
  ProcessorSummary:
    type: object
    fields:
      object: { type: string, required: true }
      id: { type: string, required: true }
      name: { type: string, required: true }
      createdAt: { type: datetime, required: true }
      updatedAt: { type: datetime, required: true }
  Output:
    type: object
    fields:
      value: any
      metadata: { type: map, values: { $ref: FieldMetadata } }
  FieldMetadata:
    type: object
    fields:
      ocrConfidence: { type: number, nullable: true }
      logprobsConfidence: { type: number, required: true, nullable: true }
      citations: { type: array, items: any }
  Attachment:
    type: union
    discriminator: kind
    mapping: { link: LinkAttachment, inline: InlineAttachment }
  LinkAttachment:
    type: object
    fields:
      kind: { type: string, const: link, required: true }
      url: { type: uri, required: true }
  InlineAttachment:
    type: object
    fields:
      kind: { type: string, const: inline, required: true }
      text: { type: string, required: true }
"""

EVENT = """event: {event}
description: Synthetic event {index} of the scale benchmark.
payload:
  type: object
  fields:
    object: {{ type: string, const: run_{index}, required: true }}
    id: {{ type: string, required: true, pattern: "^run{index}_" }}
    status: {{ $ref: RunStatus, required: true }}
    phase:
      type: enum
      values: [QUEUED_{index}, RUNNING_{index}, DONE_{index}]
    output: {{ $ref: Output, nullable: true }}
    initialOutput: {{ $ref: Output, nullable: true }}
    reviewedOutput: {{ $ref: Output, nullable: true }}
    failureReason: {{ $ref: FailureReason, nullable: true }}
    failureMessage: {{ type: string, nullable: true }}
    metadata: {{ type: any, required: true, nullable: true }}
    reviewed: {{ type: boolean, required: true }}
    edited: {{ type: boolean, required: true }}
    edits: {{ type: map, nullable: true, values: {{ type: any }} }}
    processor: {{ $ref: ProcessorSummary, required: true, nullable: true }}
    file: {{ $ref: FileSummary, required: true, nullable: true }}
    files: {{ type: array, nullable: true, items: {{ $ref: FileSummary }} }}
    attachments: {{ type: array, items: {{ $ref: Attachment }} }}
    settings:
      type: object
      required: true
      fields:
        mode{index}: {{ type: string, required: true }}
        retries: {{ type: integer, minimum: 0, maximum: 10 }}
        threshold: {{ type: number, minimum: 0, maximum: 1 }}
        tags: {{ type: map, values: string, maxEntries: 50 }}
    parseRunId: {{ type: string, required: true, nullable: true }}
    dashboardUrl: {{ type: string, required: true }}
    usage: {{ $ref: RunUsage, nullable: true }}
    score{index}: {{ type: number, nullable: true }}
    createdAt: {{ type: datetime, required: true }}
    updatedAt: {{ type: datetime, required: true }}
"""


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit("usage: scale_schemas.py OUTPUT_DIR N")
    output, count = sys.argv[1], int(sys.argv[2])
    folder = os.path.join(output, "synth")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "provider.yaml"), "w") as handle:
        handle.write(PROVIDER)
    for index in range(count):
        event = f"group{index // 50}.run{index}.processed"
        with open(os.path.join(folder, event + ".yaml"), "w") as handle:
            handle.write(EVENT.format(event=event, index=index))


if __name__ == "__main__":
    main()
