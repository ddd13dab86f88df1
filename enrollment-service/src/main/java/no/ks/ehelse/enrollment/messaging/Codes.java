package no.ks.ehelse.enrollment.messaging;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import no.ks.ehelse.platform.events.PoisonCategory;
import no.ks.ehelse.platform.events.PoisonRecordException;

/** A list of codes in an event, e.g. a municipality's vendors; absent (an older event) reads as none. */
final class Codes {

    private Codes() {}

    static List<String> of(JsonNode data, String field) {
        JsonNode node = data.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new PoisonRecordException(PoisonCategory.INVALID_VALUE, field + " must be a list of codes");
        }
        List<String> codes = new ArrayList<>();
        for (JsonNode code : node) {
            if (!code.isTextual() || code.asText().isBlank()) {
                throw new PoisonRecordException(PoisonCategory.INVALID_VALUE, field + " must be a list of codes");
            }
            codes.add(code.asText());
        }
        return List.copyOf(codes);
    }
}
