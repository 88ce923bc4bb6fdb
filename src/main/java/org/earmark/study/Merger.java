package org.earmark.study;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.earmark.core.EarmarkException;
import org.earmark.model.Assignment;
import org.earmark.model.CoderWork;
import org.earmark.model.MergeReport;
import org.earmark.model.StudyRecording;
import org.earmark.storage.CoderWorkReader;
import org.earmark.storage.MergeSource;
import org.earmark.storage.StudyFile;

/**
 * Brings a coder's returned file into the study after checking it belongs: same study, same
 * codebook, recordings the study knows with the same audio, and a coder who was assigned them.
 */
public final class Merger {

    private Merger() {
    }

    public static MergeReport merge(StudyFile study, Path coderFile) {
        MergeSource source = CoderWorkReader.readForMerge(coderFile);
        CoderWork work = source.work();
        String name = coderFile.getFileName().toString();
        if (!study.id().equals(work.studyId())) {
            throw EarmarkException.badInput(coderFile + " belongs to another study (study id " + work.studyId()
                    + "), not to " + study.name() + " (" + study.id() + "). Nothing was merged.");
        }
        if (!study.codebook().hash().equals(work.codebookHash())) {
            throw EarmarkException.badInput(coderFile + " was coded with a different codebook (hash "
                    + work.codebookHash() + ") than the study's " + study.codebook() + ". Nothing was merged.");
        }
        if (!study.coders().contains(work.coder())) {
            throw EarmarkException.badInput(coderFile + " is from coder \"" + work.coder() + "\", who is not a coder of"
                    + " this study (coders: " + study.coders() + "). Nothing was merged.");
        }
        Map<String, StudyRecording> known = study.recordings().stream()
                .collect(Collectors.toMap(StudyRecording::id, r -> r));
        Set<String> assigned = new HashSet<>();
        for (Assignment a : study.assignments()) {
            if (a.coder().equals(work.coder())) {
                assigned.add(a.recordingId());
            }
        }
        for (var r : work.recordings()) {
            StudyRecording mine = known.get(r.id());
            if (mine == null) {
                throw EarmarkException.badInput(coderFile + " has recording " + r.id() + ", which this study does not"
                        + " have. Nothing was merged.");
            }
            if (r.sha256() != null && !r.sha256().equals(mine.sha256())) {
                throw EarmarkException.badInput(coderFile + ": recording " + r.id() + " was coded on different audio"
                        + " (sha256 " + r.sha256() + ") than the study's (" + mine.sha256() + "). Nothing was merged.");
            }
            if (!assigned.contains(r.id())) {
                throw EarmarkException.badInput(coderFile + ": coder " + work.coder() + " was not assigned recording "
                        + r.id() + ". Nothing was merged.");
            }
        }
        for (String recording : source.eventRecordings()) {
            if (!assigned.contains(recording)) {
                throw EarmarkException.badInput(coderFile + " has events on " + recording + ", which coder "
                        + work.coder() + " was not assigned. Nothing was merged.");
            }
        }
        return study.merge(source, name);
    }
}
