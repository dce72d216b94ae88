package dev.editloop.bench.suite;

import dev.editloop.bench.BenchCase;
import dev.editloop.core.InvalidInputException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * GEdit-Bench as released on Hugging Face: parquet files whose rows hold the case and its source image's bytes.
 * Rows of the chosen {@code instruction_language} are streamed through DuckDB, and each source image is written to
 * {@code <workDir>/inputs/gedit/<key>.<ext>} as it is read (an identical file already there is left alone); images
 * are fetched in batches of bounded size, so the heap holds a few tens of megabytes of images at most whatever the
 * suite's size.
 */
public final class GEditSuite implements Suite {
    /** The columns a GEdit parquet file must have. */
    static final List<String> COLUMNS =
            List.of("key", "task_type", "instruction", "instruction_language", "Intersection_exist", "input_image");

    /** How many image bytes one batch may bring into the heap (one larger image still makes a batch of its own). */
    static final long DEFAULT_BATCH_BYTES = 32L << 20;

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,120}");

    private final long batchBytes;

    /** A loader that brings at most 32 MiB of images into the heap at a time. */
    public GEditSuite() {
        this(DEFAULT_BATCH_BYTES);
    }

    GEditSuite(long batchBytes) {
        if (batchBytes < 1) {
            throw new IllegalArgumentException("batch bytes must be positive, got " + batchBytes);
        }
        this.batchBytes = batchBytes;
    }

    @Override
    public String name() {
        return "gedit";
    }

    @Override
    public String description() {
        return "GEdit-Bench: 606 real-world edits in 11 categories, English or Chinese (--language en|cn)";
    }

    @Override
    public String layout() {
        return """
                --data is a parquet file of the Hugging Face release, or a folder searched for *.parquet:
                  columns key, task_type, instruction, instruction_language (en/cn), Intersection_exist,
                  input_image (the image: {bytes, path} as Hugging Face datasets writes it), input_image_raw
                the rows of --language are kept; their source images are written to <run>/inputs/gedit/""";
    }

    @Override
    public String protocol() {
        return "vie";
    }

    @Override
    public SuiteData load(Path data, SuiteOptions options) {
        Path root = SuiteIo.existing(name(), data);
        List<Path> files = parquetFiles(root);
        Path imageDir = options.workDir().resolve("inputs").resolve(name());
        try {
            Files.createDirectories(imageDir);
        } catch (IOException e) {
            throw new InvalidInputException("gedit: cannot create " + imageDir + ": " + e.getMessage(), e);
        }
        String language = options.language();
        List<BenchCase> cases = new ArrayList<>();
        Map<String, String> fileOfKey = new HashMap<>();
        TreeSet<String> languagesSeen = new TreeSet<>();
        Properties properties = new Properties();
        properties.setProperty("jdbc_stream_results", "true");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:", properties)) {
            try (Statement settings = connection.createStatement()) {
                // one scan thread: loading is bound by the disk, and every extra thread holds more of the images in
                // native memory (measured on a file with one 277 MB row group: peak RSS 0.9 GB with two threads,
                // 0.5 GB with one)
                settings.execute("SET threads = 1");
            }
            for (Path file : files) {
                String shown = Files.isDirectory(root)
                        ? root.relativize(file).toString()
                        : file.getFileName().toString();
                String image = imageExpression(connection, file, shown);
                read(connection, file, shown, image, language, imageDir, cases, fileOfKey);
                if (cases.isEmpty()) {
                    languagesSeen.addAll(languages(connection, file));
                }
            }
        } catch (SQLException e) {
            throw new InvalidInputException("gedit: cannot read parquet under " + root + ": " + firstLine(e), e);
        }
        if (cases.isEmpty()) {
            throw new InvalidInputException("gedit: no rows with instruction_language \"" + language + "\" under "
                    + root + " (found: " + String.join(", ", languagesSeen) + ")");
        }
        return new SuiteData(name(), cases, SuiteIo.sha256(files), Map.of());
    }

    /** One kept row before its image is read: its row number in the file and the case's fields. */
    private record Row(long number, String key, String taskType, String instruction, Map<String, String> fields) {}

    /**
     * Reads one file in two passes: first every kept row's fields and image size (no image reaches Java), then the
     * images in batches of consecutive rows whose bytes stay under {@link #batchBytes}, each written to disk as it
     * arrives. DuckDB's driver turns a whole fetched chunk (up to 2,048 rows) into Java arrays at once, so a single
     * query over the image column would hold every image of the file in the heap.
     */
    private void read(
            Connection connection,
            Path file,
            String shown,
            String imageExpression,
            String language,
            Path imageDir,
            List<BenchCase> cases,
            Map<String, String> fileOfKey)
            throws SQLException {
        List<Row> rows = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        String sql = "SELECT file_row_number, \"key\", \"task_type\", \"instruction\", \"instruction_language\", "
                + "\"Intersection_exist\", octet_length(" + imageExpression + ") AS image_size "
                + "FROM read_parquet(?, file_row_number = true) WHERE \"instruction_language\" = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, file.toString());
            statement.setString(2, language);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    long number = result.getLong("file_row_number");
                    String record = "row " + (number + 1);
                    String key = required(result, "key", shown, record);
                    record = SuiteIo.caseName(key);
                    String earlier = fileOfKey.putIfAbsent(key, shown);
                    if (earlier != null) {
                        throw SuiteIo.fail(
                                shown,
                                record,
                                "key appears twice for language " + language + " (also in " + earlier + ")");
                    }
                    String taskType = required(result, "task_type", shown, record);
                    String instruction = required(result, "instruction", shown, record);
                    long size = result.getLong("image_size");
                    if (result.wasNull() || size == 0) {
                        throw SuiteIo.fail(shown, record, "field \"input_image\" holds no image bytes");
                    }
                    Object intersection = result.getObject("Intersection_exist");
                    Map<String, String> fields = new LinkedHashMap<>();
                    fields.put("key", key);
                    fields.put("task_type", taskType);
                    fields.put("instruction_language", result.getString("instruction_language"));
                    if (intersection != null) {
                        fields.put("Intersection_exist", String.valueOf(intersection));
                    }
                    rows.add(new Row(number, key, taskType, instruction, fields));
                    sizes.add(size);
                }
            }
        }
        String imageSql = "SELECT file_row_number, " + imageExpression + " AS image_bytes "
                + "FROM read_parquet(?, file_row_number = true) "
                + "WHERE file_row_number BETWEEN ? AND ? AND \"instruction_language\" = ?";
        try (PreparedStatement statement = connection.prepareStatement(imageSql)) {
            int from = 0;
            while (from < rows.size()) {
                int to = from;
                long bytes = sizes.get(from);
                while (to + 1 < rows.size() && bytes + sizes.get(to + 1) <= batchBytes) {
                    to++;
                    bytes += sizes.get(to);
                }
                Map<Long, Row> batch = new HashMap<>();
                for (Row row : rows.subList(from, to + 1)) {
                    batch.put(row.number(), row);
                }
                statement.setString(1, file.toString());
                statement.setLong(2, rows.get(from).number());
                statement.setLong(3, rows.get(to).number());
                statement.setString(4, language);
                Map<Long, Path> written = new HashMap<>();
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        Row row = batch.get(result.getLong("file_row_number"));
                        if (row != null) {
                            byte[] image = blobBytes(result, "image_bytes");
                            written.put(
                                    row.number(),
                                    writeImage(imageDir, row.key(), image, shown, SuiteIo.caseName(row.key())));
                        }
                    }
                }
                for (Row row : rows.subList(from, to + 1)) {
                    Path image = written.get(row.number());
                    if (image == null) {
                        throw SuiteIo.fail(
                                shown, SuiteIo.caseName(row.key()), "field \"input_image\" could not be read back");
                    }
                    cases.add(new BenchCase(
                            name(), row.key(), row.taskType(), row.instruction(), image, null, null, row.fields()));
                }
                from = to + 1;
            }
        }
    }

    /** How to select the image's bytes: the {@code bytes} of Hugging Face's image struct, or a plain binary column. */
    private static String imageExpression(Connection connection, Path file, String shown) throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("DESCRIBE SELECT * FROM read_parquet(?)")) {
            statement.setString(1, file.toString());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    types.put(rows.getString("column_name"), rows.getString("column_type"));
                }
            }
        }
        for (String column : COLUMNS) {
            if (!types.containsKey(column)) {
                throw SuiteIo.fail(
                        shown,
                        "column \"" + column + "\" is missing (columns: " + String.join(", ", types.keySet()) + ")");
            }
        }
        String type = types.get("input_image").toUpperCase(Locale.ROOT);
        if (type.startsWith("STRUCT")) {
            if (!type.contains("BYTES ")) {
                throw SuiteIo.fail(
                        shown,
                        "column \"input_image\" is " + types.get("input_image")
                                + ", expected the image struct {bytes, path}");
            }
            return "\"input_image\".\"bytes\"";
        }
        if (type.equals("BLOB")) {
            return "\"input_image\"";
        }
        throw SuiteIo.fail(
                shown,
                "column \"input_image\" is " + types.get("input_image") + ", expected the image struct {bytes, path}");
    }

    private static List<String> languages(Connection connection, Path file) throws SQLException {
        List<String> found = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT DISTINCT CAST(\"instruction_language\" AS VARCHAR) FROM read_parquet(?)")) {
            statement.setString(1, file.toString());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(String.valueOf(rows.getString(1)));
                }
            }
        }
        return found;
    }

    /** A BLOB column's bytes, or null (DuckDB's driver offers BLOBs through {@link java.sql.Blob} only). */
    private static byte[] blobBytes(ResultSet rows, String column) throws SQLException {
        java.sql.Blob blob = rows.getBlob(column);
        if (blob == null || rows.wasNull()) {
            return null;
        }
        long length = blob.length();
        if (length > Integer.MAX_VALUE - 16) {
            throw new SQLException("an image of " + length + " bytes is too large");
        }
        return length == 0 ? new byte[0] : blob.getBytes(1, (int) length);
    }

    private static String required(ResultSet rows, String column, String shown, String record) throws SQLException {
        String value = rows.getString(column);
        if (value == null || value.isBlank()) {
            throw SuiteIo.fail(shown, record, "field \"" + column + "\" is empty");
        }
        return value;
    }

    /** Writes the case's source image unless the same bytes are already there; the name's extension follows the bytes. */
    private static Path writeImage(Path dir, String key, byte[] bytes, String shown, String record) {
        if (bytes == null || bytes.length == 0) {
            throw SuiteIo.fail(shown, record, "field \"input_image\" holds no image bytes");
        }
        String extension = ImageKind.extension(bytes);
        if (extension == null) {
            throw SuiteIo.fail(
                    shown,
                    record,
                    "field \"input_image\" is not an image (it starts with " + ImageKind.head(bytes) + ")");
        }
        Path target = dir.resolve(fileName(key) + "." + extension);
        try {
            if (Files.isRegularFile(target)
                    && Files.size(target) == bytes.length
                    && Arrays.equals(Files.readAllBytes(target), bytes)) {
                return target;
            }
            Path temp = Files.createTempFile(dir, ".gedit-", ".part");
            try {
                Files.write(temp, bytes);
                try {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
            return target;
        } catch (IOException e) {
            throw new InvalidInputException("gedit: cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** A file name for a key: the key itself when it is safe, else a cleaned key with a short hash of the original. */
    static String fileName(String key) {
        if (SAFE_NAME.matcher(key).matches() && !key.startsWith(".")) {
            return key;
        }
        String cleaned = key.replaceAll("[^A-Za-z0-9._-]", "_");
        cleaned = cleaned.substring(0, Math.min(cleaned.length(), 80)).replaceFirst("^\\.+", "_");
        return cleaned + "-"
                + SuiteIo.sha256(key.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .substring(0, 12);
    }

    private static List<Path> parquetFiles(Path root) {
        if (Files.isRegularFile(root)) {
            return List.of(root);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p ->
                            p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new InvalidInputException("gedit: cannot search " + root + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new InvalidInputException("gedit: no *.parquet file under " + root);
        }
        return files;
    }

    private static String firstLine(SQLException e) {
        String message = String.valueOf(e.getMessage()).strip();
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end).strip();
    }
}
