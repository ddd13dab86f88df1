package no.ks.ehelse.adoption.domain;

import no.ks.ehelse.platform.events.PoisonCategory;
import no.ks.ehelse.platform.events.PoisonRecordException;

/** A report that can never be applied (unknown municipality or solution, a usage figure for a split number). */
public class RejectedReport extends PoisonRecordException {

    public RejectedReport(PoisonCategory category, String reason) {
        super(category, reason);
    }
}
