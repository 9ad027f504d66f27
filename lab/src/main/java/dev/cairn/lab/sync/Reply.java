package dev.cairn.lab.sync;

/**
 * An HTTP answer as a service stores it for an idempotency key: status and JSON body.
 *
 * @param replayed whether it is the stored answer to an earlier request with the same key
 */
record Reply(int status, String body, boolean replayed) {

    Reply(int status, String body) {
        this(status, body, false);
    }
}
