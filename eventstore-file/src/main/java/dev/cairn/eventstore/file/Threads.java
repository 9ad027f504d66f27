package dev.cairn.eventstore.file;

/** Waiting for the store's own threads. */
final class Threads {
    private Threads() {}

    /**
     * Waits until {@code thread} ends, even if the caller is interrupted meanwhile: closing the
     * store must not return while its writer or syncer still holds files. The interrupt is kept.
     */
    static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
