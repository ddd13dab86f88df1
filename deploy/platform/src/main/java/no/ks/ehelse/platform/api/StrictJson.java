package no.ks.ehelse.platform.api;

import java.io.IOException;
import java.time.LocalDate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import no.ks.ehelse.platform.events.DateRange;

/**
 * Request bodies are refused at the edge, naming the field, when a text holds a NUL character (PostgreSQL cannot
 * store one, so it would end as a 500) or a date lies outside {@link DateRange#STORABLE} (e.g.
 * {@code +999999999-12-31}, which Java reads and the database column does not take).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** A value Jackson could read but the service refuses; {@link ProblemMappers} names the field with the reason. */
    public static final class RefusedValueException extends MismatchedInputException {

        private final String reason;

        RefusedValueException(JsonParser parser, String reason, Class<?> target) {
            super(parser, reason, target);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("ehelse-strict-json");
        module.addDeserializer(String.class, new Texts());
        module.addDeserializer(LocalDate.class, new Dates());
        mapper.registerModule(module);
    }

    /** After the built-in modules (Java time among them), so these deserializers are the ones found first. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    static final class Texts extends StdScalarDeserializer<String> {

        Texts() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && value.indexOf('\0') >= 0) {
                throw new RefusedValueException(parser, StrictRequests.NUL_MESSAGE, String.class);
            }
            return value;
        }
    }

    static final class Dates extends StdScalarDeserializer<LocalDate> {

        Dates() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            LocalDate value = LocalDateDeserializer.INSTANCE.deserialize(parser, context);
            if (value != null && !DateRange.STORABLE.contains(value)) {
                throw new RefusedValueException(parser, StrictRequests.DATE_RANGE_MESSAGE, LocalDate.class);
            }
            return value;
        }
    }
}
