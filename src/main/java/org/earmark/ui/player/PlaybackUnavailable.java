package org.earmark.ui.player;

/** Why a recording cannot be heard; the view turns the reason into a message from the bundle. */
public final class PlaybackUnavailable extends Exception {

    /** The reasons a coder can act on. */
    public enum Reason {
        /** No sound device (a server, a VM, a muted machine without an output). */
        NO_DEVICE,
        /** The format or codec cannot be decoded here (e.g. MP3 without libavcodec). */
        UNSUPPORTED,
        /** The file cannot be read. */
        UNREADABLE
    }

    private final Reason reason;

    public PlaybackUnavailable(Reason reason, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
