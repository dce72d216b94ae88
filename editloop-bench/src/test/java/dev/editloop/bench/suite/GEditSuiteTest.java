package dev.editloop.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.editloop.bench.BenchCase;
import dev.editloop.core.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GEdit-Bench's parquet layout, written by DuckDB itself with the Hugging Face image struct holding real photos. */
class GEditSuiteTest {
    @TempDir
    Path temp;

    private byte[] png;
    private byte[] jpeg;

    @BeforeEach
    void readPhotos() throws Exception {
        png = Files.readAllBytes(SharedData.photo("chelsea.png"));
        jpeg = Files.readAllBytes(SharedData.photo("rocket.jpg"));
    }

    private SuiteOptions options(String language) {
        return new SuiteOptions(language, temp.resolve("run"));
    }

    /** One parquet row: the case and its source image's bytes (null for a row without them). */
    record Row(String key, String taskType, String instruction, String language, Boolean intersection, byte[] image) {}

    /** Writes rows with GEdit's columns, images as the {bytes, path} struct Hugging Face datasets writes. */
    static void writeParquet(Path file, Row... rows) throws Exception {
        Files.createDirectories(file.getParent());
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (n INTEGER, key VARCHAR, task_type VARCHAR, instruction VARCHAR,"
                        + " instruction_language VARCHAR, Intersection_exist BOOLEAN, img BLOB)");
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                int n = 0;
                for (Row row : rows) {
                    p.setInt(1, n++);
                    p.setString(2, row.key());
                    p.setString(3, row.taskType());
                    p.setString(4, row.instruction());
                    p.setString(5, row.language());
                    p.setObject(6, row.intersection());
                    p.setBytes(7, row.image());
                    p.executeUpdate();
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("COPY (SELECT key, task_type, instruction, instruction_language, Intersection_exist,"
                        + " {'bytes': img, 'path': key || '.png'} AS input_image,"
                        + " {'bytes': img, 'path': key || '_raw.png'} AS input_image_raw"
                        + " FROM t ORDER BY n) TO '" + file.toString().replace("'", "''") + "' (FORMAT parquet)");
            }
        }
    }

    private Path standardFile() throws Exception {
        Path file = temp.resolve("data/train-00000-of-00001.parquet");
        writeParquet(
                file,
                new Row("a1", "color_alter", "Make the cat blue.", "en", true, png),
                new Row("a1", "color_alter", "把猫变成蓝色。", "cn", true, png),
                new Row("b2", "subject-add", "Add a hat.", "en", false, jpeg),
                new Row("c3", "subject-add", "Add a scarf.", "en", null, png),
                new Row("b2", "subject-add", "加一顶帽子。", "cn", false, jpeg));
        return file;
    }

    @Test
    void readsTheEnglishRowsAndWritesEachImageOnce() throws Exception {
        Path file = standardFile();

        SuiteData data = new GEditSuite().load(file, options("en"));

        assertThat(data.suite()).isEqualTo("gedit");
        assertThat(data.cases()).extracting(BenchCase::id).containsExactly("a1", "b2", "c3");
        assertThat(data.countsByCategory()).containsExactly(Map.entry("color_alter", 1), Map.entry("subject-add", 2));
        BenchCase first = data.cases().get(0);
        assertThat(first.instruction()).isEqualTo("Make the cat blue.");
        assertThat(first.fields())
                .containsExactly(
                        Map.entry("key", "a1"),
                        Map.entry("task_type", "color_alter"),
                        Map.entry("instruction_language", "en"),
                        Map.entry("Intersection_exist", "true"));
        assertThat(data.cases().get(1).field("Intersection_exist")).isEqualTo("false");
        assertThat(data.cases().get(2).field("Intersection_exist")).isNull();

        Path dir = temp.resolve("run/inputs/gedit");
        assertThat(first.image()).isEqualTo(dir.resolve("a1.png"));
        assertThat(Files.readAllBytes(first.image())).isEqualTo(png);
        assertThat(data.cases().get(1).image()).isEqualTo(dir.resolve("b2.jpg"));
        assertThat(Files.readAllBytes(data.cases().get(1).image())).isEqualTo(jpeg);

        String expected =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        assertThat(data.dataHash()).isEqualTo(expected);

        // a second load finds the same bytes in place and leaves the files alone
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(first.image(), old);
        new GEditSuite().load(file, options("en"));
        assertThat(Files.getLastModifiedTime(first.image())).isEqualTo(old);
        // different bytes under the same name are replaced
        Files.write(first.image(), jpeg);
        new GEditSuite().load(file, options("en"));
        assertThat(Files.readAllBytes(first.image())).isEqualTo(png);
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("a1.png", "b2.jpg", "c3.png");
        }
    }

    @Test
    void readsTheSameCasesWhenEveryImageIsFetchedOnItsOwn() throws Exception {
        Path file = standardFile();
        SuiteData whole = new GEditSuite().load(file, options("en"));

        SuiteData oneByOne = new GEditSuite(1).load(file, new SuiteOptions("en", temp.resolve("other")));

        assertThat(oneByOne.cases()).extracting(BenchCase::id).containsExactly("a1", "b2", "c3");
        for (int i = 0; i < 3; i++) {
            BenchCase a = whole.cases().get(i);
            BenchCase b = oneByOne.cases().get(i);
            assertThat(b.fields()).isEqualTo(a.fields());
            assertThat(b.image().getFileName()).isEqualTo(a.image().getFileName());
            assertThat(Files.readAllBytes(b.image())).isEqualTo(Files.readAllBytes(a.image()));
        }
        assertThat(new GEditSuite(1).load(file, options("cn")).cases())
                .extracting(BenchCase::id)
                .containsExactly("a1", "b2");
    }

    @Test
    void keepsTheChineseRowsWithCn() throws Exception {
        SuiteData data = new GEditSuite().load(standardFile(), options("cn"));

        assertThat(data.cases()).extracting(BenchCase::id).containsExactly("a1", "b2");
        assertThat(data.cases()).extracting(BenchCase::instruction).containsExactly("把猫变成蓝色。", "加一顶帽子。");
        assertThat(data.cases())
                .allSatisfy(c -> assertThat(c.field("instruction_language")).isEqualTo("cn"));
    }

    @Test
    void searchesAFolderRecursivelyForParquetFiles() throws Exception {
        writeParquet(temp.resolve("hf/data/part-0.parquet"), new Row("k1", "ps_human", "Smile.", "en", true, png));
        writeParquet(
                temp.resolve("hf/data/more/part-1.parquet"), new Row("k2", "text_change", "Say hi.", "en", false, png));
        Files.writeString(temp.resolve("hf/README.md"), "not parquet");

        SuiteData data = new GEditSuite().load(temp.resolve("hf"), options("en"));

        // files in path order: data/more/part-1.parquet before data/part-0.parquet
        assertThat(data.cases()).extracting(BenchCase::id).containsExactly("k2", "k1");
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(Files.readAllBytes(temp.resolve("hf/data/more/part-1.parquet")));
        digest.update(Files.readAllBytes(temp.resolve("hf/data/part-0.parquet")));
        assertThat(data.dataHash()).isEqualTo(HexFormat.of().formatHex(digest.digest()));
    }

    @Test
    void aRowWithoutImageBytesFailsNamingTheKeyAndTheField() throws Exception {
        Path file = temp.resolve("bad.parquet");
        writeParquet(
                file,
                new Row("ok1", "tone_transfer", "Warmer.", "en", true, png),
                new Row("e5f6", "tone_transfer", "Cooler.", "en", true, null));

        assertThatThrownBy(() -> new GEditSuite().load(file, options("en")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("bad.parquet: case \"e5f6\": field \"input_image\" holds no image bytes");
    }

    @Test
    void aRowWhoseBytesAreNoImageFailsNamingTheKeyAndTheField() throws Exception {
        Path file = temp.resolve("bad.parquet");
        writeParquet(
                file, new Row("x9", "tone_transfer", "Cooler.", "en", true, "<html>".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> new GEditSuite().load(file, options("en")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(
                        "bad.parquet: case \"x9\": field \"input_image\" is not an image (it starts with 3c 68 74 6d 6c 3e)");
    }

    @Test
    void aMissingColumnOrLanguageIsNamed() throws Exception {
        Path file = temp.resolve("other.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            s.execute("COPY (SELECT 'k' AS key, 'x' AS task_type) TO '" + file + "' (FORMAT parquet)");
        }
        assertThatThrownBy(() -> new GEditSuite().load(file, options("en")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("other.parquet: column \"instruction\" is missing (columns: key, task_type)");

        assertThatThrownBy(() -> new GEditSuite().load(standardFile(), options("de")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("gedit: no rows with instruction_language \"de\" under ")
                .hasMessageEndingWith("(found: cn, en)");
    }

    @Test
    void aDuplicateKeyInOneLanguageFails() throws Exception {
        Path file = temp.resolve("dup.parquet");
        writeParquet(
                file,
                new Row("k", "ps_human", "Smile.", "en", true, png),
                new Row("k", "ps_human", "Frown.", "en", true, png));

        assertThatThrownBy(() -> new GEditSuite().load(file, options("en")))
                .hasMessage("dup.parquet: case \"k\": key appears twice for language en (also in dup.parquet)");
    }

    @Test
    void unsafeKeysBecomeSafeDistinctFileNames() {
        assertThat(GEditSuite.fileName("0a1b2c")).isEqualTo("0a1b2c");
        assertThat(GEditSuite.fileName("../etc/passwd")).doesNotContain("/").startsWith("_");
        assertThat(GEditSuite.fileName("a/b")).isNotEqualTo(GEditSuite.fileName("a_b"));
    }
}
