package org.openmilkbank.shared;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

/**
 * A stand-in for the application in {@link EmbeddedDatabaseCrashTests}: starts the embedded database on the data
 * directory given as argument through the application's own configuration code, commits one row, prints
 * {@code READY <rows>} and waits; a {@code stop} line on standard input stops it cleanly.
 */
public final class EmbeddedDatabaseCrashChild {

    private EmbeddedDatabaseCrashChild() {}

    public static void main(String[] args) throws Exception {
        EmbeddedDatabase db =
                DatabaseConfiguration.startEmbedded(new DatabaseConfiguration.DbProperties.Embedded(args[0], false, 0));
        long rows;
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement s = c.createStatement()) {
            s.execute("create table if not exists crash_probe (id uuid primary key)");
            s.execute("insert into crash_probe values ('" + UUID.randomUUID() + "')");
            try (ResultSet r = s.executeQuery("select count(*) from crash_probe")) {
                r.next();
                rows = r.getLong(1);
            }
        }
        System.out.println("READY " + rows);
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.strip().equals("stop")) {
                break;
            }
        }
        db.close();
        System.out.println("STOPPED");
        System.out.flush();
    }
}
