package org.earmark.storage;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.earmark.model.CoderWork;

/**
 * A coder file as a merge takes it in, read by {@link CoderWorkReader#readForMerge}. Checking that its events may be
 * copied in SQL, and hashing it, run on another thread meanwhile: they cost as much as half the copy itself.
 *
 * @param file            the coder file, which the merge only reads
 * @param work            what the file holds; its events only when {@code eventsRead}, else empty
 * @param eventRecordings the recordings the file has events on, tombstones included, in id order
 * @param eventsRead      {@code work} holds the events, to be merged row by row; otherwise the study copies them
 *                        from the file in SQL if {@code copyable} says so
 * @param copyable        whether every event is stored as Earmark writes it (see {@link CoderEventsCheck})
 * @param sha256          the file's SHA-256, recorded with the merge
 */
public record MergeSource(Path file, CoderWork work, Set<String> eventRecordings, boolean eventsRead,
        CompletableFuture<Boolean> copyable, CompletableFuture<String> sha256) {

    public MergeSource {
        eventRecordings = Collections.unmodifiableSortedSet(new TreeSet<>(eventRecordings));
    }

    /** Waits for the check; a check that failed (a file too damaged to query) means the row-by-row path. */
    boolean eventsCopyable() {
        try {
            return copyable.join();
        } catch (CompletionException e) {
            return false;
        }
    }

    /** Waits for the hash; a failure to read the file is reported as it was raised. */
    public String sha256Hex() {
        try {
            return sha256.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
