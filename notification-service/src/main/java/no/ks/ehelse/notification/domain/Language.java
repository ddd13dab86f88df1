package no.ks.ehelse.notification.domain;

/**
 * The written form of Norwegian a message is in. Each has its own templates: bokmål in {@code templates/messages/},
 * nynorsk in {@code templates/messages/nn/}.
 */
public enum Language {
    BOKMAL(""),
    NYNORSK("nn/");

    /** Where this form's message templates are, below {@code templates/messages/}. */
    final String templates;

    Language(String templates) {
        this.templates = templates;
    }

    public boolean nynorsk() {
        return this == NYNORSK;
    }
}
