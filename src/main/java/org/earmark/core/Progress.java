package org.earmark.core;

/** What long-running work reports, and how it learns it should stop. Safe to call from any thread. */
public interface Progress {

    /** Progress that goes nowhere and is never cancelled, for the command line and tests. */
    Progress NONE = new Progress() {
        @Override
        public void update(double fraction, String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /**
     * @param fraction 0..1, or negative when the amount is unknown
     * @param message  what is being done now, or {@code null} to keep the last message
     */
    void update(double fraction, String message);

    boolean isCancelled();

    /** Throws {@link CancelledException} when the user has asked to stop. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }

    /** Thrown by work that stopped because it was cancelled; not a failure to report. */
    final class CancelledException extends RuntimeException {
        public CancelledException() {
            super("cancelled", null, false, false);
        }
    }
}
