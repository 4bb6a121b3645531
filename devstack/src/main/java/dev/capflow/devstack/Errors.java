package dev.capflow.devstack;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.file.FileSystemException;
import java.sql.SQLException;

/** Turns an exception into one readable line for the terminal. */
public final class Errors {

    private Errors() {}

    /** The most useful message of the exception and its causes. */
    public static String describe(Throwable error) {
        // HttpClient wraps the real reason (refused, timed out) in exceptions without a message.
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return "connection refused";
            }
            if (cause instanceof HttpTimeoutException) {
                return "timed out";
            }
        }
        Throwable root = error;
        while (root.getMessage() == null && root.getCause() != null) {
            root = root.getCause();
        }
        if (root instanceof FileSystemException file) {
            return root.getClass().getSimpleName() + ": " + file.getMessage();
        }
        if (root instanceof SQLException sql && sql.getSQLState() != null) {
            return root.getMessage() + " (SQLSTATE " + sql.getSQLState() + ")";
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
