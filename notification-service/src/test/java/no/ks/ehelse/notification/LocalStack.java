package no.ks.ehelse.notification;

import io.quarkus.test.common.QuarkusTestResource;
import no.ks.ehelse.localstack.LocalStackTestResource;
import no.ks.ehelse.localstack.MailSinkTestResource;

/**
 * Every test of this service runs against the real Kafka broker, a fresh PostgreSQL database and a real SMTP
 * server in the test JVM.
 */
@QuarkusTestResource(LocalStackTestResource.class)
@QuarkusTestResource(MailSinkTestResource.class)
public class LocalStack {}
