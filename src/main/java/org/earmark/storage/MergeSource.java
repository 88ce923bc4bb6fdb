package org.earmark.storage;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.earmark.model.CoderWork;

/**
 * A coder file as a merge takes it in, read by {@link CoderWorkReader#readForMerge}.
 *
 * @param file            the coder file, which the merge only reads
 * @param work            what the file holds; its events are left out (empty) when {@code copyEvents} is set
 * @param eventRecordings the recordings the file has events on, tombstones included, in id order
 * @param copyEvents      every event is stored as Earmark writes it, so the study copies them from the file in SQL
 *                        rather than one by one through {@code work}
 */
public record MergeSource(Path file, CoderWork work, Set<String> eventRecordings, boolean copyEvents) {

    public MergeSource {
        eventRecordings = Collections.unmodifiableSortedSet(new TreeSet<>(eventRecordings));
    }
}
