import HookSchemaModel
import Testing

/// The generated file names follow from schema file paths alone (what the build plugin relies on).
@Suite struct GeneratedLayoutTests {
    @Test func namesComeFromFolderAndFileNames() {
        #expect(
            GeneratedLayout.outputs(forSchemaFiles: [
                "extend/provider.yaml", "extend/extract_run.failed.yaml", "extend/extractor.created.yml",
                "document-insights/provider.yml", "document-insights/document-insights.extraction.failed.yaml",
            ]) == [
                "DocumentInsightsWebhooks/DocumentInsights+DocumentInsightsExtractionFailed.swift",
                "DocumentInsightsWebhooks/DocumentInsightsEvent.swift",
                "DocumentInsightsWebhooks/DocumentInsightsTypes.swift",
                "ExtendWebhooks/Extend+ExtractRunFailed.swift", "ExtendWebhooks/Extend+ExtractorCreated.swift",
                "ExtendWebhooks/ExtendEvent.swift", "ExtendWebhooks/ExtendTypes.swift",
            ])
    }

    @Test func aProviderFolderAloneHasItsTwoFixedFiles() {
        #expect(
            GeneratedLayout.outputs(forSchemaFiles: ["acme/provider.yaml"]) == [
                "AcmeWebhooks/AcmeEvent.swift", "AcmeWebhooks/AcmeTypes.swift",
            ])
    }

    @Test func otherPathsAreIgnored() {
        #expect(
            GeneratedLayout.outputs(forSchemaFiles: [
                "hookschema-config.yaml", "a/b/c.yaml", "acme/notes.md", "acme/", "",
            ]).isEmpty)
        #expect(GeneratedLayout.eventFile(ofSchemaFile: "acme/provider.yaml") == nil)
    }

    @Test func fileNamesAreUniqueAcrossProvidersSoOneFlatFolderWorks() {
        let paths = [
            "acme/provider.yaml", "acme/types.yaml", "acme/event.yaml", "acmeTypes/provider.yaml",
            "acme-event/provider.yaml", "acme-event/order.yaml",
        ]
        let names = GeneratedLayout.outputs(forSchemaFiles: paths).map { $0.split(separator: "/").last ?? "" }
        #expect(Set(names.map { $0.lowercased() }).count == names.count)
        #expect(GeneratedLayout.conflicts(in: paths).isEmpty)
    }

    @Test func collidingNamesAreReportedIgnoringCase() {
        #expect(
            GeneratedLayout.conflicts(in: [
                "acme/provider.yaml", "acme/order.created.yaml", "acme/order_created.yaml", "acme/Order-Shipped.yaml",
                "acme/order.shipped.yaml", "acme-pay/provider.yaml", "acme_pay/provider.yaml",
            ]) == [
                ["acme-pay/", "acme_pay/"], ["acme/Order-Shipped.yaml", "acme/order.shipped.yaml"],
                ["acme/order.created.yaml", "acme/order_created.yaml"],
            ])
    }
}
