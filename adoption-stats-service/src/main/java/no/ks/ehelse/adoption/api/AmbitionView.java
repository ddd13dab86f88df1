package no.ks.ehelse.adoption.api;

import java.time.OffsetDateTime;

import no.ks.ehelse.adoption.domain.Ambition;

public record AmbitionView(String solution, int year, int target, String note, OffsetDateTime updatedAt) {

    static AmbitionView of(Ambition a) {
        return new AmbitionView(a.solution, a.year, a.target, a.note, a.updatedAt);
    }
}
