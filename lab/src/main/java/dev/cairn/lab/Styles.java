package dev.cairn.lab;

import dev.cairn.lab.async.AsyncOrchestration;
import dev.cairn.lab.choreography.Choreography;
import dev.cairn.lab.crud.CrudMonolith;
import dev.cairn.lab.sync.SyncOrchestration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The four styles, in the order the material argues them: CRUD, synchronous, asynchronous orchestration, choreography. */
public final class Styles {

    private Styles() {}

    public static List<Style> all() {
        return List.of(new CrudMonolith(), new SyncOrchestration(), new AsyncOrchestration(), new Choreography());
    }

    /** The styles named in a comma-separated list, in the list's order; an unknown name is an error naming the known ones. */
    public static List<Style> named(String commaSeparated) {
        List<Style> chosen = new ArrayList<>();
        for (String name : commaSeparated.split(",")) {
            String wanted = name.trim();
            chosen.add(all().stream()
                    .filter(s -> s.name().equals(wanted))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown style '" + wanted + "'; known: "
                            + String.join(", ", all().stream().map(Style::name).toList()))));
        }
        return chosen;
    }

    /** The scenarios named in a comma-separated list. */
    public static List<Scenario> scenarios(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(","))
                .map(String::trim)
                .map(Scenario::byLabel)
                .toList();
    }
}
