package dev.capflow.devstack.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** Logs in to a PostgreSQL server and creates the application database when it is missing. */
public final class PostgresAdmin {

    /** The database named in the connection does not exist. */
    private static final String INVALID_CATALOG_NAME = "3D000";
    /** CREATE DATABASE lost a race with another creator. */
    private static final String DUPLICATE_DATABASE = "42P04";

    private static final String MAINTENANCE_DATABASE = "postgres";
    private static final int CONNECT_TIMEOUT_SECONDS = 5;

    private final PgCredentials credentials;

    public PostgresAdmin(PgCredentials credentials) {
        this.credentials = credentials;
    }

    /** Logs in to the URL's database and fails with the server's reason; a missing database still proves the login. */
    public void checkLogin(PgUrl url) throws SQLException {
        try (Connection ignored = connect(url)) {
            // logged in
        } catch (SQLException e) {
            // PostgreSQL authenticates before it looks the database up.
            if (!INVALID_CATALOG_NAME.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    /** Creates the URL's database unless it exists; returns true when this call created it. */
    public boolean ensureDatabase(PgUrl url) throws SQLException {
        try (Connection ignored = connect(url)) {
            return false;
        } catch (SQLException e) {
            if (!INVALID_CATALOG_NAME.equals(e.getSQLState())) {
                throw e;
            }
        }
        try (Connection admin = connect(url.withDatabase(MAINTENANCE_DATABASE));
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + quoteIdentifier(url.database()));
            return true;
        } catch (SQLException e) {
            if (DUPLICATE_DATABASE.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    /** Opens a connection to the URL's database with these credentials. */
    public Connection connect(PgUrl url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", credentials.user());
        properties.setProperty("password", credentials.password());
        properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("loginTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        return DriverManager.getConnection(url.jdbcUrl(), properties);
    }

    /** Quotes a name for SQL, so any database name in the URL is used exactly as written. */
    static String quoteIdentifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
