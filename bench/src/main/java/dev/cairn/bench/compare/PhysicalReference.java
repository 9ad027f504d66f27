package dev.cairn.bench.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hardware's and PostgreSQL's own rates, measured in the same run: the shared
 * {@code physical-reference} script when it is there ({@code ../shared/tools/} beside the
 * repository), else {@code dd} (sequential write with fdatasync, 4 KiB dsync writes) and
 * {@code pgbench} (single-row inserts from 1 and 8 clients) run here.
 */
final class PhysicalReference {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PhysicalReference() {}

    static Map<String, Object> measure(Postgres postgres, int seconds) {
        Path script = findScript();
        try {
            Map<String, Object> result =
                    script != null ? runScript(script, postgres, seconds) : measureHere(postgres, seconds);
            result.put("source", script != null ? script.toString() : "measured by cairn bench compare (dd, pgbench)");
            return result;
        } catch (IOException | RuntimeException e) {
            Map<String, Object> failed = new LinkedHashMap<>();
            failed.put("error", e.toString());
            return failed;
        }
    }

    private static Path findScript() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("tools").resolve("physical-reference");
            if (Files.exists(dir.resolve("cairn")) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static Map<String, Object> runScript(Path script, Postgres postgres, int seconds) throws IOException {
        String out = run(List.of(
                script.toString(), "--pg-url", postgres.libpqUrl("postgres"), "--seconds", Integer.toString(seconds)));
        String[] lines = out.trim().split("\n");
        JsonNode node = JSON.readTree(lines[lines.length - 1]);
        Map<String, Object> result = new LinkedHashMap<>();
        node.properties()
                .forEach(e -> result.put(
                        e.getKey(),
                        e.getValue().isNumber()
                                ? (Object) Math.round(e.getValue().asDouble())
                                : e.getValue().asText()));
        return result;
    }

    private static Map<String, Object> measureHere(Postgres postgres, int seconds) throws IOException {
        Path dir = Files.createTempDirectory("cairn-physref-");
        Map<String, Object> result = new LinkedHashMap<>();
        try {
            double seqSeconds = ddSeconds(run(List.of(
                    "dd", "if=/dev/zero", "of=" + dir.resolve("seq"), "bs=1M", "count=1024", "conv=fdatasync")));
            result.put("disk_seq_write_mb_s", Math.round(1073.741824 / seqSeconds));
            double syncSeconds = ddSeconds(run(
                    List.of("dd", "if=/dev/zero", "of=" + dir.resolve("sync"), "bs=4k", "count=2000", "oflag=dsync")));
            result.put("fsync_4k_per_s", Math.round(2000 / syncSeconds));
            result.put("fsync_4k_us", Math.round(syncSeconds / 2000 * 1e6));
            Path sql = dir.resolve("one.sql");
            Files.writeString(
                    sql,
                    "INSERT INTO physref_ev(stream, data) VALUES (md5(random()::text), '{\"k\":\"" + "x".repeat(150)
                            + "\"}'::jsonb);\n");
            String url = postgres.libpqUrl("postgres");
            run(
                    List.of(
                            "psql",
                            "-q",
                            url,
                            "-c",
                            "DROP TABLE IF EXISTS physref_ev; CREATE TABLE physref_ev(pos bigserial primary key, stream text not null, data jsonb not null)"));
            result.put("pg_insert_tps_1_client", Math.round(pgbenchTps(sql, 1, seconds, url)));
            result.put("pg_insert_tps_8_clients", Math.round(pgbenchTps(sql, 8, seconds, url)));
            run(List.of("psql", "-q", url, "-c", "DROP TABLE IF EXISTS physref_ev"));
        } finally {
            Files.walk(dir)
                    .sorted(Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
        return result;
    }

    private static double ddSeconds(String output) {
        Matcher m = Pattern.compile("copied, ([0-9.]+) s").matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("unexpected dd output: " + output);
        }
        return Double.parseDouble(m.group(1));
    }

    private static double pgbenchTps(Path sql, int clients, int seconds, String url) throws IOException {
        String out = run(List.of(
                "pgbench",
                "-n",
                "-f",
                sql.toString(),
                "-c",
                Integer.toString(clients),
                "-j",
                "2",
                "-T",
                Integer.toString(seconds),
                url));
        Matcher m = Pattern.compile("(?m)^tps = ([0-9.]+)").matcher(out);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static String run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(new ArrayList<>(command))
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return out;
    }
}
