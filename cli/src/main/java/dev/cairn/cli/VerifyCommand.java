package dev.cairn.cli;

import dev.cairn.eventstore.file.FileStoreVerifier;
import dev.cairn.eventstore.file.VerificationReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Checks every record and index of a data directory, read-only: it works while the server runs. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description =
                "Check every record and index (read-only; works while the server runs); print counts, or the first problem (file, offset) and exit 1.")
final class VerifyCommand implements Callable<Integer> {

    @Mixin
    ExistingData data;

    @Override
    public Integer call() {
        VerificationReport report = FileStoreVerifier.verify(data.log());
        if (report.ok()) {
            System.out.printf(
                    "OK: %d segments, %d events, %d streams%n", report.segments(), report.events(), report.streams());
        } else {
            System.out.printf(
                    "PROBLEM in %s at offset %d: %s%nNext step: ./cairn repair --data %s (it changes nothing by itself)%n",
                    report.file(), report.offset(), report.problem(), data.directory());
        }
        System.out.println(report.toJson());
        return report.ok() ? 0 : 1;
    }
}
