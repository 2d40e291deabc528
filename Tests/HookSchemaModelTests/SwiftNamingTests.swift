import HookSchemaModel
import Testing

@Suite struct SwiftNamingTests {
    @Test(arguments: [
        ("extract_run.failed", "ExtractRunFailed"),
        ("document-insights.extraction.completed", "DocumentInsightsExtractionCompleted"),
        ("extractor.draft.updated", "ExtractorDraftUpdated"),
        ("RunError", "RunError"),
        ("URLPath", "URLPath"),
        ("2fa", "_2fa"),
    ])
    func typeNames(wire: String, swift: String) {
        #expect(SwiftNaming.typeName(wire) == swift)
    }

    @Test(arguments: [
        ("failureReason", "failureReason"),
        ("X-Plextera-Event-Id", "xPlexteraEventId"),
        ("parse_run_id", "parseRunId"),
        ("FAILED_TO_PROCESS_FILE", "failedToProcessFile"),
        ("PDF", "pdf"),
        ("extend:usage_tags", "extendUsageTags"),
        ("ID", "id"),
        ("fileURL", "fileURL"),
    ])
    func memberNames(wire: String, swift: String) {
        #expect(SwiftNaming.memberName(wire) == swift)
    }

    @Test func keywordsAreEscaped() {
        #expect(SwiftNaming.escaped("default") == "`default`")
        #expect(SwiftNaming.escaped("status") == "status")
    }
}
