package no.ks.ehelse.adoption.domain;

import no.ks.ehelse.platform.events.PoisonRecordException;

/** A report that can never be applied (unknown municipality or solution, a usage figure for a split number). */
public class RejectedReport extends PoisonRecordException {

    public RejectedReport(String reason) {
        super(reason);
    }
}
