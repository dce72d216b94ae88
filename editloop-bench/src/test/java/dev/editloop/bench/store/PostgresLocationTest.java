package dev.editloop.bench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.editloop.core.InvalidInputException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PostgresLocationTest {
    @Test
    void theLibpqFormBecomesAJdbcUrlWithTheUserAndRunTakenOut() {
        PostgresLocation l =
                PostgresLocation.parse("postgresql://bench@db.lab:5433/editloop?run=rise-64&sslmode=require", null);
        assertThat(l.jdbcUrl()).isEqualTo("jdbc:postgresql://db.lab:5433/editloop?sslmode=require");
        assertThat(l.user()).isEqualTo("bench");
        assertThat(l.run()).isEqualTo("rise-64");
        assertThat(l.display()).isEqualTo("postgresql://bench@db.lab:5433/editloop run rise-64");
    }

    @Test
    void theJdbcFormKeepsItsParametersAndTheRunDefaultsToTheRunFolder() {
        PostgresLocation l = PostgresLocation.parse(
                "jdbc:postgresql://h1:5432,h2:5432/bench?user=runner&targetServerType=primary",
                Path.of("/shared/runs/gedit-en"));
        assertThat(l.jdbcUrl()).isEqualTo("jdbc:postgresql://h1:5432,h2:5432/bench?targetServerType=primary");
        assertThat(l.user()).isEqualTo("runner");
        assertThat(l.run()).isEqualTo("gedit-en");
    }

    @Test
    void aPasswordInTheLocationIsRefusedWithoutBeingRepeated() {
        for (String location : new String[] {
            "postgresql://bench:hunter2secret@db:5432/x?run=r",
            "jdbc:postgresql://db:5432/x?user=bench&password=hunter2secret&run=r"
        }) {
            assertThatThrownBy(() -> PostgresLocation.parse(location, null))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("PGPASSWORD")
                    .hasMessageNotContaining("hunter2secret");
        }
    }

    @Test
    void badLocationsSayWhatIsMissing() {
        assertThatThrownBy(() -> PostgresLocation.parse("postgresql://db:5432/?run=r", null))
                .hasMessageContaining("names no database");
        assertThatThrownBy(() -> PostgresLocation.parse("postgresql://db:5432/x", null))
                .hasMessageContaining("names no run: add ?run=NAME");
        assertThatThrownBy(() -> PostgresLocation.parse("postgresql://db/x?run=a%20b", null))
                .hasMessageContaining("run name 'a b' is not usable");
        assertThatThrownBy(() -> PostgresLocation.parse("mysql://db/x", null))
                .isInstanceOf(InvalidInputException.class);
    }
}
