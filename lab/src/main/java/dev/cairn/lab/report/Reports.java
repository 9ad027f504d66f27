package dev.cairn.lab.report;

import dev.cairn.lab.LabReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** Writes {@code lab.json}, {@code lab.md} and {@code lab.html} into a directory, each whole or not at all. */
public final class Reports {

    private Reports() {}

    /** @return the three files written */
    public static List<Path> write(LabReport report, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path json = replace(directory.resolve("lab.json"), JsonReport.render(report));
        Path md = replace(directory.resolve("lab.md"), MarkdownReport.render(report));
        Path html = replace(directory.resolve("lab.html"), HtmlReport.render(report));
        return List.of(json, md, html);
    }

    /** Through a temporary file and a rename, so a reader (the web page) never sees half a report. */
    private static Path replace(Path target, String content) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(temporary, content, StandardCharsets.UTF_8);
        return Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
