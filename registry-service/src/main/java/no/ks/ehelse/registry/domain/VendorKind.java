package no.ks.ehelse.registry.domain;

/** What a vendor delivers to municipalities. */
public enum VendorKind {
    /** Journal systems (EPJ: elektronisk pasientjournal), e.g. Visma's HsPro, CGM, InfoDoc, DIPS. */
    EPJ,
    /** Welfare-technology (VFT: velferdsteknologi) vendors, e.g. response centres integrated with VKP. */
    WELFARE_TECHNOLOGY
}
