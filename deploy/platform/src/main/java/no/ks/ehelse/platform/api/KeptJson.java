package no.ks.ehelse.platform.api;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import no.ks.ehelse.platform.answers.Answer;

/**
 * Writes a kept {@link Answer} as JSON from bytes made once per answer instance. Serialising the kept answer on
 * every request was the largest cost of a query after the token check (docs/performance.md). The bytes are held by
 * identity and weakly: they live as long as the answer does in the kept answers, and a changed input makes a new
 * answer, so the bytes can never be older than the answer they belong to.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class KeptJson implements MessageBodyWriter<Answer> {

    private final ObjectMapper json;
    private final Cache<Answer, byte[]> written =
            Caffeine.newBuilder().weakKeys().build();

    public KeptJson(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return Answer.class.isAssignableFrom(type) && MediaType.APPLICATION_JSON_TYPE.isCompatible(mediaType);
    }

    @Override
    public void writeTo(
            Answer answer,
            Class<?> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, Object> headers,
            OutputStream out)
            throws IOException {
        out.write(written.get(answer, this::bytes));
    }

    private byte[] bytes(Answer answer) {
        try {
            return json.writeValueAsBytes(answer);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
