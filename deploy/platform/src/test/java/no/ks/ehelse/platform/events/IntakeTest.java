package no.ks.ehelse.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;

import org.junit.jupiter.api.Test;

class IntakeTest {

    private static CloudEvent ofType(String type) {
        return CloudEvent.parse("""
                {"specversion":"1.0","id":"e-1","source":"urn:no:ks:ehelse:registry","type":"%s","data":{}}""".formatted(type));
    }

    @Test
    void aPrefixIntakeAppliesItsTypesAndRefusesStrangers() {
        Intake intake = Intake.prefix("svc.municipalities", "registry.municipalities.v1", "no.ks.ehelse.municipality.");
        assertEquals(Intake.Verdict.APPLY, intake.judge(ofType("no.ks.ehelse.municipality.merged.v1")));
        PoisonRecordException e = assertThrows(
                PoisonRecordException.class, () -> intake.judge(ofType("no.ks.ehelse.solution.published.v1")));
        assertEquals(
                "unexpected event type 'no.ks.ehelse.solution.published.v1' on registry.municipalities.v1",
                e.getMessage());
        assertEquals(PoisonCategory.UNEXPECTED_TYPE, e.category());
    }

    @Test
    void aTypesIntakeIsExact() {
        Intake intake = Intake.types(
                "svc.solutions",
                "registry.solutions.v1",
                Set.of("no.ks.ehelse.solution.published.v1", "no.ks.ehelse.solution.changed.v1"));
        assertEquals(Intake.Verdict.APPLY, intake.judge(ofType("no.ks.ehelse.solution.changed.v1")));
        assertThrows(PoisonRecordException.class, () -> intake.judge(ofType("no.ks.ehelse.solution.retired.v1")));
    }

    @Test
    void aSharedTopicsOtherTypesAreSkippedWhenAsked() {
        Intake intake = Intake.types("svc.adoption", "adoption.events.v1", Set.of("no.ks.ehelse.adoption.went-live.v1"))
                .skippingOthers();
        assertEquals(Intake.Verdict.APPLY, intake.judge(ofType("no.ks.ehelse.adoption.went-live.v1")));
        assertEquals(Intake.Verdict.SKIP, intake.judge(ofType("no.ks.ehelse.adoption.ambition-set.v1")));
    }
}
