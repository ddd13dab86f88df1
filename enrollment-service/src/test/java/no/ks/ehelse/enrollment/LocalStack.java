package no.ks.ehelse.enrollment;

import io.quarkus.test.common.QuarkusTestResource;
import no.ks.ehelse.localstack.LocalStackTestResource;

/** Every test of this service runs against the real Kafka broker and a fresh PostgreSQL database. */
@QuarkusTestResource(LocalStackTestResource.class)
public class LocalStack {}
