import ExtendWebhooks
import Foundation
import HookSchemaRuntime
import PlexteraWebhooks
import Testing

@Suite struct SeedPayloadTests {
    @Test func extendSeedDecodesIntoTheGeneratedTypes() throws {
        let data = try Payloads.data("extend/extract_run.failed.seed.json")
        let event = try JSONDecoder().decode(ExtractRunFailedEvent.self, from: data)
        #expect(ExtractRunFailedEvent.eventType == "extract_run.failed")
        #expect(event.eventType == "extract_run.failed")
        guard case .extractRun(let run) = event.payload else {
            Issue.record("expected an inline extract run, got \(event.payload)")
            return
        }
        #expect(run.id == "exr_Xj8mK2pL9nR4vT7qY5wZ")
        #expect(run.status == .processing)
        #expect(run.failureReason == .value(.parsingError))
        #expect(run.failureMessage == .value("string"))
        #expect(run.metadata == .object([:]))
        #expect(run.extractor?.value?.name == "Invoice Extractor")
        #expect(run.file?.value?.type == .value(.pdf))
        #expect(run.usage?.value?.credits == 9)
        #expect(run.createdAt == RFC3339.parseDateTime("2024-03-21T16:45:00Z")?.date)
        #expect(run.unknownFields.isEmpty)
        #expect(event.unknownFields.isEmpty)
    }

    @Test func plexteraSeedDecodesIntoTheGeneratedTypes() throws {
        let data = try Payloads.data("plextera/document-insights.extraction.failed.seed.json")
        let event = try JSONDecoder().decode(ExtractionFailedEvent.self, from: data)
        #expect(event.eventType == "document-insights.extraction.failed")
        #expect(event.occurredAt == RFC3339.parseDateTime("2026-04-07T10:18:00Z")?.date)
        #expect(event.data.status == .failed)
        #expect(event.data.document.sizeBytes == 63_877)
        #expect(event.data.error.code == "PROCESSING_FAILED")
        #expect(event.data.unknownFields.isEmpty)
    }

    @Test func seedsDecodeThroughTheProviderEnums() throws {
        let extend = try ExtendEvent(jsonData: try Payloads.data("extend/extract_run.failed.seed.json"))
        guard case .extractRunFailed(let failed) = extend else {
            Issue.record("expected .extractRunFailed, got \(extend)")
            return
        }
        #expect(failed.payload.run?.id == "exr_Xj8mK2pL9nR4vT7qY5wZ")
        let plextera = try PlexteraEvent(
            jsonData: try Payloads.data("plextera/document-insights.extraction.failed.seed.json")
        )
        #expect(plextera.eventType == "document-insights.extraction.failed")
        guard case .extractionFailed = plextera else {
            Issue.record("expected .extractionFailed, got \(plextera)")
            return
        }
    }
}
