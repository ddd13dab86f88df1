package no.ks.ehelse.registry.domain;

/** Where a national solution is in its life: being planned, piloted, rolled out nationally, or in operation. */
public enum SolutionStage {
    PLANNED,
    PILOT,
    ROLLOUT,
    OPERATION,
    RETIRED
}
