package no.ks.ehelse.enrollment.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import no.ks.ehelse.enrollment.domain.Worklist;
import no.ks.ehelse.platform.web.PageLinks;

/** One item of a network's worklist: who, why (a code and a sentence), since when, and where it is fixed. */
public record WorklistView(
        String kommunenummer,
        String municipality,

        @Schema(
                description = "why the municipality is on the list, most urgent first",
                enumeration = {
                    "behind-plan",
                    "prerequisite-overdue",
                    "confirmation-unacknowledged",
                    "not-enrolled",
                    "no-contact",
                    "no-ehealth-contact",
                    "no-helseid-orderer",
                    "nhn-level-stalled"
                })
        String reason,

        @Schema(description = "the reason in Norwegian, for people")
        String why,

        @Schema(description = "the day it became due; null when not known")
        LocalDate since,

        String solution,
        UUID trackId,
        UUID enrollmentId,
        @Schema(description = "the page where it is fixed") String fixUrl,
        String fixText) {

    static WorklistView of(Worklist.Item item, PageLinks links) {
        return new WorklistView(
                item.municipality().kommunenummer,
                item.municipality().name,
                item.reason().code,
                item.why(),
                item.since(),
                item.solution(),
                item.trackId(),
                item.enrollmentId(),
                links.url(item.fix().service(), item.fix().path()),
                item.fix().text());
    }

    /** The worklist's JSON page, for the API document. */
    @Schema(name = "WorklistPage")
    public record WorklistPage(List<WorklistView> items, int page, int size, long totalItems, int totalPages) {}
}
