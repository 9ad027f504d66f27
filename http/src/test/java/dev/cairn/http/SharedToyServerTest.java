package dev.cairn.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A test class whose tests share one toy server with the default settings: started before the
 * first test, closed after the last. One static field serves every subclass because test classes
 * run one after another here (no parallel execution is configured).
 */
abstract class SharedToyServerTest {

    static ToyServer toy;

    @BeforeAll
    static void startToy() {
        toy = ToyServer.start();
    }

    @AfterAll
    static void stopToy() {
        toy.close();
    }
}
