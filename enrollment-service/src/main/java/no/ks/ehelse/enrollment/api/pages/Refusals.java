package no.ks.ehelse.enrollment.api.pages;

import no.ks.ehelse.enrollment.domain.Track;
import no.ks.ehelse.platform.api.ProblemException;

/**
 * The domain's refusals (409s and the like, written for API clients) in words for the person on the page. A
 * refusal the page cannot explain better is passed on to the error pages.
 */
final class Refusals {

    private Refusals() {}

    /** The Norwegian explanation, or null when the refusal is not one a page shows in place (403, 404, 500). */
    static String explain(ProblemException refusal, Track track, String municipality) {
        String name = track == null ? "innføringsløpet" : track.name;
        return switch (refusal.type()) {
            case "registration-closed" ->
                "Påmeldingen til " + name + " stengte "
                        + (track == null ? "" : Norwegian.norsk(track.registrationDeadline) + " ")
                        + "og tar ikke imot flere påmeldinger. Ta kontakt med innføringslederen hvis dere likevel vil"
                        + " være med.";
            case "registration-not-open" ->
                "Påmeldingen til " + name + " har ikke åpnet ennå"
                        + (track == null || track.registrationOpens == null
                                ? "."
                                : "; den åpner " + Norwegian.norsk(track.registrationOpens) + ".");
            case "track-not-open" -> name + " tar ikke imot påmeldinger nå.";
            case "already-enrolled" -> municipality + " er allerede påmeldt " + name + ".";
            case "already-live" ->
                municipality + " har allerede tatt i bruk løsningen og trenger ikke et innføringsløp.";
            case "vendor-mismatch" ->
                name + " er for kommuner som bruker "
                        + (track == null
                                ? "en bestemt leverandør"
                                : no.ks.ehelse.enrollment.domain.Vendors.name(track.vendor))
                        + ", og registeret har ikke den leverandøren for " + municipality
                        + ". Er leverandøren feil i registeret, be Diginettverket eller KS rette den.";
            case "former-municipality" -> "Kommunenummeret er ikke lenger i bruk. Meld på den nye kommunen.";
            case "after-kick-off" ->
                name + " har startet. Etter oppstart kan bare innføringslederen melde dere av;"
                        + " ta kontakt med innføringslederen.";
            case "cannot-withdraw" -> "Denne påmeldingen kan ikke trekkes lenger.";
            case "withdrawn" -> "Påmeldingen er trukket, og kan ikke endres.";
            case "no-host-arrangement" ->
                "Ingen vertskommuneavtale som gjelder i dag lar dere melde på " + municipality + " til " + name
                        + ". Ta kontakt med KS hvis avtalen skal gjelde denne løsningen.";
            case "partner-enrollment" ->
                "Denne påmeldingen er gjort av en vertskommune. Samarbeidskommuner meldes på fra vertskommunens egen"
                        + " påmelding.";
            default -> null;
        };
    }
}
