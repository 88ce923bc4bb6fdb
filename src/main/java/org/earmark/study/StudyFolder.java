package org.earmark.study;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.earmark.core.EarmarkException;
import org.earmark.storage.StudyFile;

/** A study lives in a folder: the study file plus the anonymised audio under {@code audio/}. */
public final class StudyFolder {

    private StudyFolder() {
    }

    public static Path studyFile(Path dir) {
        return dir.resolve(StudyFile.FILE_NAME);
    }

    /** Opens the study in a folder, with a message that says what to do when there is none. */
    public static StudyFile open(Path dir, Clock clock) {
        return StudyFile.open(checkedStudyFile(dir), clock);
    }

    /** Opens the study in a folder to read it only (reports); see {@link StudyFile#openReadOnly}. */
    public static StudyFile openReadOnly(Path dir, Clock clock) {
        return StudyFile.openReadOnly(checkedStudyFile(dir), clock);
    }

    private static Path checkedStudyFile(Path dir) {
        Path file = studyFile(dir);
        if (Files.isRegularFile(dir)) {
            Path parent = dir.toAbsolutePath().getParent();
            throw EarmarkException.badInput(dir.getFileName().toString().equals(StudyFile.FILE_NAME)
                    ? dir + " is the study file; give the study folder that holds it: " + parent
                    : dir + " is a file, not a study folder: give the folder that holds " + StudyFile.FILE_NAME
                            + " and audio/.");
        }
        if (!Files.isDirectory(dir)) {
            throw EarmarkException.badInput("No study folder at " + dir + " (create one with 'earmark study init').");
        }
        if (!Files.exists(file)) {
            throw EarmarkException.badInput(dir + " is not a study folder: it has no " + StudyFile.FILE_NAME
                    + " (create one with 'earmark study init').");
        }
        return file;
    }
}
