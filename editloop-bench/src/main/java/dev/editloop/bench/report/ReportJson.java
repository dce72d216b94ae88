package dev.editloop.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editloop.bench.ScoreRow;
import dev.editloop.bench.ScoreTable;
import dev.editloop.bench.store.Manifest;
import dev.editloop.core.BackendIdentity;
import java.util.List;
import java.util.Map;

/** The JSON shapes shared by the {@code json}, {@code cases} and {@code html} formats: snake_case, NaN as null. */
final class ReportJson {
    static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private ReportJson() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static void put(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }

    static ArrayNode strings(List<String> values) {
        ArrayNode array = MAPPER.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    static ObjectNode numbers(Map<String, Double> values) {
        ObjectNode node = object();
        values.forEach((k, v) -> put(node, k, v == null ? Double.NaN : v));
        return node;
    }

    static ObjectNode manifest(Manifest m) {
        ObjectNode node = object();
        node.put("suite", m.suite());
        node.put("data_hash", m.dataHash());
        node.put("language", m.language());
        node.set("categories", strings(m.categories()));
        node.put("limit", m.limit());
        node.put("strategy", m.strategy());
        node.put("max_turns", m.maxTurns());
        node.put("threshold", m.threshold());
        node.put("seed", m.seed());
        node.set("editor", backend(m.editor()));
        node.set("thinker", backend(m.thinker()));
        node.set("judge", backend(m.judge()));
        node.put("protocol", m.protocol());
        node.put("judge_samples", m.judgeSamples());
        ObjectNode prompts = node.putObject("prompt_hashes");
        m.promptHashes().forEach(prompts::put);
        node.put("version", m.version());
        node.put("commit", m.commit());
        node.put("started", m.started().toString());
        return node;
    }

    static ObjectNode backend(BackendIdentity id) {
        ObjectNode node = object();
        node.put("kind", id.kind());
        node.put("model", id.model());
        node.set("endpoints", strings(id.endpoints()));
        ObjectNode params = node.putObject("params");
        id.params().forEach(params::put);
        node.put("display", id.display());
        return node;
    }

    static ObjectNode table(ScoreTable table, Map<String, Map<String, BenchReport.Spread>> spread) {
        ObjectNode node = object();
        node.put("protocol", table.protocol());
        node.set("columns", strings(table.columns()));
        ArrayNode rows = node.putArray("rows");
        for (ScoreRow row : table.rows()) {
            ObjectNode r = rows.addObject();
            r.put("label", row.label());
            r.put("kind", row.kind());
            r.put("cases", row.cases());
            r.set("values", numbers(row.values()));
            Map<String, BenchReport.Spread> s = spread.get(row.label());
            if (s != null) {
                ObjectNode spreads = r.putObject("spread");
                s.forEach((c, v) -> {
                    ObjectNode one = spreads.putObject(c);
                    one.put("samples", v.samples());
                    put(one, "mean", v.mean());
                    put(one, "sd", v.sd());
                    put(one, "min", v.min());
                    put(one, "max", v.max());
                });
            }
        }
        node.set("notes", strings(table.notes()));
        return node;
    }
}
