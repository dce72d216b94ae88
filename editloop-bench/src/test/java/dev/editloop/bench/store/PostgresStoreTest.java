package dev.editloop.bench.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

class PostgresStoreTest {
    @Test
    void serverStarts() throws Exception {
        var server = PostgresTestServer.shared();
        assumeTrue(server.isPresent(), PostgresTestServer::whyUnavailable);
        System.err.println("started " + server.get().how());
        try (var c = DriverManager.getConnection(server.get().jdbcUrl("postgres"));
                var rs = c.createStatement().executeQuery("select current_user, version()")) {
            rs.next();
            System.err.println(rs.getString(1) + " " + rs.getString(2));
        }
    }
}
