package no.ks.ehelse.platform.events;

import java.sql.SQLException;

/**
 * Whether a failure in applying a record is the record's fault (poison: the same record fails the same way on
 * every try, so it goes to the dead-letter topic) or the world's (transient: retried until it passes).
 */
public final class Failures {

    private Failures() {}

    /**
     * The reason to dead-letter for, or {@code null} when the failure is transient. Poison is a
     * {@link PoisonRecordException} anywhere in the cause chain, or the database refusing the record's data
     * (SQLSTATE class 22, "data exception": a value out of range, a NUL byte, a bad date), which no retry cures.
     * Everything else — a lost connection, a lock timeout, a serialization failure — is transient.
     */
    public static String poisonReason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PoisonRecordException poison) {
                return poison.getMessage();
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("22")) {
                return "the database refused the record's data (SQLSTATE " + sql.getSQLState() + "): "
                        + firstLine(sql.getMessage());
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
