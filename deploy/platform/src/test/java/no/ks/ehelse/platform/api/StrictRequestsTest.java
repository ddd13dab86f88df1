package no.ks.ehelse.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

class StrictRequestsTest {

    enum Colour {
        RED,
        GREEN
    }

    static class Resource {
        @Produces("text/csv")
        public String list(
                @QueryParam("colour") Colour colour,
                @QueryParam("day") LocalDate day,
                @QueryParam("ids") List<UUID> ids,
                @BeanParam PageRequest page) {
            return "";
        }

        public String plain(@QueryParam("q") String q) {
            return q;
        }

        public String one(@PathParam("id") UUID id, @PathParam("year") int year, @QueryParam("q") String q) {
            return q;
        }
    }

    @Test
    void theDeclaredQueryParametersIncludeThoseOfBeanParams() throws Exception {
        Method list = Resource.class.getMethod("list", Colour.class, LocalDate.class, List.class, PageRequest.class);
        StrictRequests.Declared declared = StrictRequests.Declared.of(list);
        assertEquals(
                List.of("colour", "day", "ids", "page", "size"),
                declared.query().keySet().stream().sorted().toList());
        assertEquals(List.of(MediaType.valueOf("text/csv")), declared.produces());
        Method plain = Resource.class.getMethod("plain", String.class);
        assertEquals(
                List.of(MediaType.APPLICATION_JSON_TYPE),
                StrictRequests.Declared.of(plain).produces());
    }

    @Test
    void pathParametersAreDeclaredWithTheirTypesApartFromTheQuery() throws Exception {
        Method one = Resource.class.getMethod("one", UUID.class, int.class, String.class);
        StrictRequests.Declared declared = StrictRequests.Declared.of(one);
        assertEquals(java.util.Map.of("id", UUID.class, "year", int.class), declared.path());
        assertEquals(List.of("q"), List.copyOf(declared.query().keySet()));
    }

    @Test
    void onlyACollectionTakesSeveralValues() throws Exception {
        Method list = Resource.class.getMethod("list", Colour.class, LocalDate.class, List.class, PageRequest.class);
        StrictRequests.Declared declared = StrictRequests.Declared.of(list);
        assertTrue(declared.multiValued("ids"));
        assertFalse(declared.multiValued("colour"));
        assertFalse(declared.multiValued("page"));
    }

    @Test
    void valuesAreJudgedByTheirDeclaredType() {
        assertNull(StrictRequests.problemWith("12", int.class));
        assertEquals("must be a whole number", StrictRequests.problemWith("first", int.class));
        assertEquals(
                "must be a whole number between -2147483648 and 2147483647",
                StrictRequests.problemWith("4294967296", Integer.class));
        assertEquals(
                "must be a whole number between -2147483648 and 2147483647",
                StrictRequests.problemWith("99999999999999999999", int.class));
        assertNull(StrictRequests.problemWith("2024-01-31", LocalDate.class));
        assertEquals(
                "must be a date such as 2024-01-31 (YYYY-MM-DD)",
                StrictRequests.problemWith("01.01.2024", LocalDate.class));
        assertEquals(
                "must be a date between 0001-01-01 and 9999-12-31",
                StrictRequests.problemWith("+999999999-12-31", LocalDate.class));
        assertEquals("must be one of RED, GREEN", StrictRequests.problemWith("red", Colour.class));
        assertNull(StrictRequests.problemWith("GREEN", Colour.class));
        assertEquals("must be true or false", StrictRequests.problemWith("yes", boolean.class));
        assertEquals("must be a UUID", StrictRequests.problemWith("1-1-1-1-1", UUID.class));
        assertEquals("must not contain a NUL character", StrictRequests.problemWith("a\0b", String.class));
        assertNull(StrictRequests.problemWith("Ålesund", String.class));
    }
}
