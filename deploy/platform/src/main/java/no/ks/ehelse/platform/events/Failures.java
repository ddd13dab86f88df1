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
     * (SQLSTATE class 22, "data exception": a value out of range, a NUL byte, a bad date; or 54000, a value too
     * big for its index), which no retry cures.
     * Everything else — a lost connection, a lock timeout, a serialization failure — is transient.
     */
    public static String poisonReason(Throwable failure) {
        PoisonRecordException poison = poison(failure);
        return poison == null ? null : poison.getMessage();
    }

    /**
     * The same judgement as {@link #poisonReason}, as the exception to dead-letter with: the
     * {@link PoisonRecordException} in the chain, or a new one of category {@link PoisonCategory#DATABASE_REFUSED}
     * for the database's refusal; {@code null} when the failure is transient.
     */
    public static PoisonRecordException poison(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PoisonRecordException poison) {
                return poison;
            }
            if (t instanceof SQLException sql && refusesTheData(sql.getSQLState())) {
                return new PoisonRecordException(
                        PoisonCategory.DATABASE_REFUSED,
                        "the database refused the record's data (SQLSTATE " + sql.getSQLState() + "): "
                                + firstLine(sql.getMessage()));
            }
        }
        return null;
    }

    /**
     * The category for the {@code dead-letter-category} header of a failure that reached the dead-letter topic:
     * the poison's, or {@link PoisonCategory#RETRIES_EXHAUSTED} for a failure that was retried until the retry
     * budget ran out.
     */
    public static PoisonCategory category(Throwable failure) {
        PoisonRecordException poison = poison(failure);
        return poison == null ? PoisonCategory.RETRIES_EXHAUSTED : poison.category();
    }

    /**
     * Class 22 ("data exception"), and 54000 ("program limit exceeded"), which is what PostgreSQL answers when a
     * value is too big to index (a key column's text over about 2.7 kB): both are the same for the same data on
     * every try. The REST error mapper asks the same question, so a request's value and a record's data are judged
     * alike.
     */
    public static boolean refusesTheData(String sqlState) {
        return sqlState != null && (sqlState.startsWith("22") || sqlState.equals("54000"));
    }

    /**
     * Whether the failure is the database being unreachable or going away (SQLSTATE class 08, "connection
     * exception"; 57P01–57P03, the server shutting down, crashed or starting; the pool giving up waiting for a
     * connection) rather than anything about the request: a request refused for it changed nothing and may be
     * sent again, and a record is retried, not dead-lettered.
     */
    public static boolean databaseUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                    return true;
                }
                if (state == null
                        && sql.getMessage() != null
                        && sql.getMessage().toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout")) {
                    return true;
                }
            }
            if (t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
