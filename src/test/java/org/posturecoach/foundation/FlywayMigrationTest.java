package org.posturecoach.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The schema comes only from Flyway: every migration under {@code db/migration} applies to an empty H2 database and,
 * with those under {@code db/postgresql}, to an empty PostgreSQL schema, and leaves behind every table the migrations
 * create. On PostgreSQL a stored result is compressed with lz4 where the server has it.
 *
 * <p>PostgreSQL is taken from {@code DB_URL} when it is a PostgreSQL URL, else 127.0.0.1:5432/test as
 * {@code postgres}. When it cannot be reached the PostgreSQL case is skipped, unless {@code DB_KIND=postgresql}
 * (the CI PostgreSQL pass), where it fails.
 */
class FlywayMigrationTest {

    private static final String LOCATION = "db/migration";
    /** As {@code quarkus.flyway.locations} adds for {@code db-kind} postgresql. */
    private static final String POSTGRESQL_LOCATION = "db/postgresql";
    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__.+\\.sql");
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?\"?([A-Za-z_][A-Za-z0-9_]*)\"?",
            Pattern.CASE_INSENSITIVE);

    private static Set<String> scripts;
    private static Set<String> postgresqlScripts;
    private static Set<String> tables;

    @BeforeAll
    static void readMigrations() throws IOException, URISyntaxException {
        scripts = new TreeSet<>();
        tables = new TreeSet<>();
        readLocation(LOCATION, scripts, tables);
        assertFalse(scripts.isEmpty(), "no migrations in " + LOCATION);
        assertFalse(tables.isEmpty(), "the migrations create no table");
        postgresqlScripts = new TreeSet<>(scripts);
        Set<String> own = new TreeSet<>();
        readLocation(POSTGRESQL_LOCATION, own, tables);
        assertFalse(own.isEmpty(), "no migrations in " + POSTGRESQL_LOCATION);
        postgresqlScripts.addAll(own);
    }

    private static void readLocation(String location, Set<String> names, Set<String> created)
            throws IOException, URISyntaxException {
        URL url = FlywayMigrationTest.class.getClassLoader().getResource(location);
        assertTrue(url != null, "no " + location + " on the classpath");
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                String name = f.getFileName().toString();
                assertTrue(VERSIONED.matcher(name).matches(), "not a versioned migration name: " + name);
                assertTrue(names.add(name), "migration listed twice: " + name);
                Matcher m = CREATE_TABLE.matcher(withoutComments(Files.readString(f)));
                while (m.find()) {
                    created.add(m.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
    }

    @Test
    void migratesAnEmptyH2Database() throws SQLException {
        String url = "jdbc:h2:mem:flyway-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Connection keepAlive = DriverManager.getConnection(url, "sa", "")) {
            assertEquals(Set.of(), tablesIn(keepAlive, "PUBLIC"), "the database must start empty");

            migrateAndCheck(Flyway.configure().dataSource(url, "sa", "").locations("classpath:" + LOCATION).load(),
                    scripts);

            assertTrue(tablesIn(keepAlive, "PUBLIC").containsAll(tables),
                    "expected tables " + tables + ", found " + tablesIn(keepAlive, "PUBLIC"));
        }
    }

    @Test
    void migratesAnEmptyPostgresqlSchema() throws SQLException {
        String env = System.getenv("DB_URL");
        String url = env != null && env.startsWith("jdbc:postgresql:") ? env
                : "jdbc:postgresql://127.0.0.1:5432/test";
        String user = System.getenv().getOrDefault("DB_USER", "postgres");
        String password = System.getenv().getOrDefault("DB_PASSWORD", "");
        boolean required = "postgresql".equalsIgnoreCase(System.getenv("DB_KIND"));
        if (!required) {
            assumeTrue(reachable(url, user, password), "PostgreSQL is not reachable at " + url);
        }
        String schema = "flyway_test_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            try (Statement s = c.createStatement()) {
                s.execute("create schema " + schema);
            }
            try {
                assertEquals(Set.of(), tablesIn(c, schema), "the schema must start empty");

                migrateAndCheck(Flyway.configure().dataSource(url, user, password).schemas(schema)
                        .locations("classpath:" + LOCATION, "classpath:" + POSTGRESQL_LOCATION).load(),
                        postgresqlScripts);

                assertTrue(tablesIn(c, schema).containsAll(tables),
                        "expected tables " + tables + ", found " + tablesIn(c, schema));
                assertEquals(lz4Available(c) ? "lz4" : "pglz", storedResultCompression(c, schema),
                        "compression of a stored result");
            } finally {
                try (Statement s = c.createStatement()) {
                    s.execute("drop schema " + schema + " cascade");
                }
            }
        }
    }

    /** Every migration file applied once and successfully, nothing pending; a second run changes nothing. */
    private static void migrateAndCheck(Flyway flyway, Set<String> expected) {
        MigrateResult result = flyway.migrate();
        assertTrue(result.success, "migration failed");
        assertEquals(expected.size(), result.migrationsExecuted, "migrations executed");

        MigrationInfo[] applied = flyway.info().applied();
        assertEquals(expected, Arrays.stream(applied).map(MigrationInfo::getScript)
                .collect(Collectors.toCollection(TreeSet::new)));
        for (MigrationInfo m : applied) {
            assertEquals(MigrationState.SUCCESS, m.getState(), m.getScript());
        }
        assertEquals(0, flyway.info().pending().length, "pending migrations");

        assertEquals(0, flyway.migrate().migrationsExecuted, "a second migrate must be a no-op");
    }

    private static boolean lz4Available(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from pg_settings"
                + " where name = 'default_toast_compression' and 'lz4' = any (enumvals)")) {
            rs.next();
            return rs.getInt(1) == 1;
        }
    }

    /** Stores a result about the size of a real one (large enough for PostgreSQL to compress it) and reads back how
     * it was compressed. */
    private static String storedResultCompression(Connection c, String schema) throws SQLException {
        String result = "{\"excluded\":[" + "{\"exerciseId\":\"barbell-row\",\"reason\":\"no-equipment\"},".repeat(600)
                + "{}]}";
        try (Statement s = c.createStatement()) {
            s.execute("insert into " + schema + ".assessments (id, tenant_id, answers, result, knowledge_base_version,"
                    + " outcome, created_at) values ('" + UUID.randomUUID() + "', 'default', '{}', '" + result
                    + "', 'v', 'plan', current_timestamp)");
            try (ResultSet rs = s.executeQuery("select pg_column_compression(result) from " + schema + ".assessments")) {
                assertTrue(rs.next(), "the row just stored");
                return rs.getString(1);
            }
        }
    }

    private static Set<String> tablesIn(Connection c, String schema) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (ResultSet rs = c.getMetaData().getTables(null, schema, "%", new String[] { "TABLE" })) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!name.equals("flyway_schema_history")) {
                    out.add(name);
                }
            }
        }
        return out;
    }

    private static boolean reachable(String url, String user, String password) {
        try (Connection c = DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + "connectTimeout=3",
                user, password)) {
            return c.isValid(3);
        } catch (SQLException e) {
            return false;
        }
    }

    private static String withoutComments(String sql) {
        return sql.replaceAll("--[^\\n]*", "");
    }
}
