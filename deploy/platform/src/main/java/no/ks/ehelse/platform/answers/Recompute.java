package no.ks.ehelse.platform.answers;

import jakarta.enterprise.context.RequestScoped;

/**
 * A reader's wish to have its answer computed afresh rather than taken from {@link KeptAnswers} (HTTP
 * {@code Cache-Control: no-cache}): what an operator or a test compares a kept answer with.
 */
@RequestScoped
public class Recompute {

    private boolean asked;

    public void ask() {
        asked = true;
    }

    public boolean asked() {
        return asked;
    }
}
