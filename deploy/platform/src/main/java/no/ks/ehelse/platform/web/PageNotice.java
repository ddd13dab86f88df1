package no.ks.ehelse.platform.web;

import java.util.Arrays;

/**
 * What a page says after a change: the form's POST answers 303 to the page with {@code ?melding=<param>}, and the
 * page shows the text. Only a known param shows anything, so a hand-made link cannot put words on the page.
 */
public record PageNotice(String param, String text) {

    /** The text of the notice named by {@code param} among {@code known}, or null. */
    public static String textOf(String param, PageNotice... known) {
        return Arrays.stream(known)
                .filter(n -> n.param.equals(param))
                .map(PageNotice::text)
                .findFirst()
                .orElse(null);
    }
}
