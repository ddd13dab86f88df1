package no.ks.ehelse.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import no.ks.ehelse.notification.domain.Recipients.Recipient;

/** The pure rules of who is told: one notification per address, and the track's working group. */
class RecipientsTest {

    private static final UUID TRACK = UUID.fromString("0b6f3c1e-2d4a-4c5b-9e7f-1a2b3c4d5e6f");

    @Test
    void anAddressIsComparedWithoutCaseOrSpaces() {
        assertEquals(
                new Recipient("leder@ks.example", "Leder", null, null),
                Recipient.of(" Leder@KS.example ", "Leder", null));
    }

    @Test
    void onePersonWhoIsBothContactAndLeadIsToldOnceAsTheFirst() {
        Recipient contact = Recipient.of("ehelse@etne.kommune.example", "Kontakt Etne", "4611");
        Recipient other = Recipient.of("postmottak@etne.kommune.example", null, "4611");
        Recipient lead = Recipient.of("EHELSE@etne.kommune.example", "Leder", null);
        assertEquals(List.of(contact, other), Recipients.distinct(List.of(contact, other, lead)));
    }

    @Test
    void theWorkingGroupMembersOfARole() throws Exception {
        JsonNode group = json("""
                [{"role": "LEAD", "name": "Leder Test", "email": "Leder@ks.example"},
                 {"role": "DEPUTY", "name": "Nestleder Test", "email": "nestleder@ks.example"},
                 {"role": "MEMBER", "name": "Medlem Test", "email": "medlem@ks.example"}]""");
        assertEquals(
                List.of(new Recipient("leder@ks.example", "Leder Test", null, null)),
                Recipients.workingGroup(group, "LEAD", TRACK, TRACK));
        assertEquals(
                List.of(new Recipient("nestleder@ks.example", "Nestleder Test", null, null)),
                Recipients.workingGroup(group, "DEPUTY", TRACK, TRACK));
    }

    @Test
    void aMemberWithoutAnAddressIsAMissingRecipientWithTheReason() throws Exception {
        JsonNode group = json("[{\"role\": \"LEAD\", \"name\": \"Leder Test\", \"email\": \" \"}]");
        assertEquals(
                List.of(new Recipient(
                        "lead:" + TRACK, "Leder Test", null, "the track's LEAD (Leder Test) has no e-mail address")),
                Recipients.workingGroup(group, "LEAD", TRACK, TRACK));
    }

    @Test
    void aLeadOfATrackNotKnownYetIsMissingButADeputyIsOptional() throws Exception {
        JsonNode none = json("[]");
        assertEquals(
                List.of(new Recipient(
                        "lead:" + TRACK,
                        null,
                        null,
                        "track " + TRACK + " is not known here yet, so its LEAD cannot be told")),
                Recipients.workingGroup(none, "LEAD", null, TRACK));
        assertEquals(List.of(), Recipients.workingGroup(none, "DEPUTY", null, TRACK));
        assertEquals(List.of(), Recipients.workingGroup(none, "LEAD", TRACK, TRACK), "a known track without a lead");
    }

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }
}
