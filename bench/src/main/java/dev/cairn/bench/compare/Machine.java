package dev.cairn.bench.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the run ran on: CPU, memory, kernel, JVM, the peers' versions, and the load from other work. */
final class Machine {
    private Machine() {}

    static final String AXON = "4.13.0";
    static final String SQLITE = "3.54.1.0";
    static final String ROCKSDB = "10.10.1.1";

    static Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cpu", firstMatching(Path.of("/proc/cpuinfo"), "model name").replaceFirst("^model name\\s*:\\s*", ""));
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("memory", memory());
        m.put("kernel", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
        m.put("axon_framework", AXON);
        m.put("sqlite_jdbc", SQLITE);
        m.put("rocksdbjni", ROCKSDB);
        m.put("load_average_at_start", loadAverage());
        return m;
    }

    private static String memory() {
        String line = firstMatching(Path.of("/proc/meminfo"), "MemTotal");
        try {
            long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
            return String.format(Locale.ROOT, "%.1f GiB memory", kb / 1024.0 / 1024.0);
        } catch (NumberFormatException e) {
            return line;
        }
    }

    /** The 1-, 5- and 15-minute load averages, or an empty string where /proc is missing. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    static double load1() {
        String load = loadAverage();
        return load.isEmpty() ? Double.NaN : Double.parseDouble(load.split(" ")[0]);
    }

    private static String firstMatching(Path file, String prefix) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
