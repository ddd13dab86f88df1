package no.ks.ehelse.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import jakarta.persistence.PersistenceException;

class FailuresTest {

    @Test
    void aPoisonRecordAnywhereInTheChainIsPoison() {
        assertEquals(
                "'on' is not a date",
                Failures.poisonReason(new IllegalStateException(
                        "wrapped", new PoisonRecordException(PoisonCategory.INVALID_VALUE, "'on' is not a date"))));
    }

    @Test
    void theDatabaseRefusingTheDataIsPoison() {
        SQLException refused = new SQLException(
                "ERROR: date/time field value out of range: \"+999999999-12-31\"\n" + "  Where: ...", "22008");
        assertEquals(
                "the database refused the record's data (SQLSTATE 22008): ERROR: date/time field value out "
                        + "of range: \"+999999999-12-31\"",
                Failures.poisonReason(new PersistenceException("could not execute statement", refused)));
        assertEquals(
                "the database refused the record's data (SQLSTATE 22021): invalid byte sequence",
                Failures.poisonReason(new SQLException("invalid byte sequence", "22021")));
        assertEquals(
                "the database refused the record's data (SQLSTATE 54000): index row size 3016 exceeds maximum",
                Failures.poisonReason(new SQLException("index row size 3016 exceeds maximum", "54000")));
    }

    @Test
    void theCategoryIsThePoisonsOwnOrDatabaseRefusedOrRetriesExhausted() {
        assertEquals(
                PoisonCategory.UNKNOWN_REFERENCE,
                Failures.category(new IllegalStateException(
                        "wrapped", new PoisonRecordException(PoisonCategory.UNKNOWN_REFERENCE, "unknown solution x"))));
        assertEquals(
                PoisonCategory.DATABASE_REFUSED,
                Failures.category(new PersistenceException(new SQLException("out of range", "22003"))));
        assertEquals(
                PoisonCategory.DATABASE_REFUSED,
                Failures.poison(new SQLException("x", "22P05")).category());
        assertEquals(
                PoisonCategory.RETRIES_EXHAUSTED,
                Failures.category(new PersistenceException(new SQLException("Connection refused", "08001"))));
        assertEquals("database-refused", PoisonCategory.DATABASE_REFUSED.header());
    }

    @Test
    void aDatabaseThatIsAwayOrBusyIsTransient() {
        assertNull(Failures.poisonReason(new PersistenceException(new SQLException("Connection refused", "08001"))));
        assertNull(Failures.poisonReason(new SQLException("canceling statement due to lock timeout", "55P03")));
        assertNull(Failures.poisonReason(new SQLException("could not serialize access", "40001")));
        assertNull(Failures.poisonReason(new SQLException("no state")));
        assertNull(Failures.poisonReason(new IllegalStateException("anything else")));
        assertNull(Failures.poisonReason(new SQLException("statement too complex", "54001")));
    }

    @Test
    void aLostOrRefusedConnectionIsTheDatabaseBeingUnavailableNotTheRequest() {
        assertTrue(Failures.databaseUnavailable(
                new PersistenceException(new SQLException("An I/O error occurred while sending", "08006"))));
        assertTrue(Failures.databaseUnavailable(new SQLException("terminating connection", "57P01")));
        assertTrue(Failures.databaseUnavailable(
                new IllegalStateException(new SQLException("Acquisition timeout while waiting for new connection"))));
        assertFalse(Failures.databaseUnavailable(new SQLException("out of range", "22003")));
        assertFalse(Failures.databaseUnavailable(new SQLException("duplicate key", "23505")));
        assertFalse(Failures.databaseUnavailable(new IllegalStateException("anything else")));
    }
}
