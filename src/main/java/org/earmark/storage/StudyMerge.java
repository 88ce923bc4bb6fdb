package org.earmark.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.earmark.core.EarmarkException;
import org.earmark.model.CoderWork;
import org.earmark.model.MergeReport;

/**
 * Takes a coder file into the study in one transaction: by SQL copy ({@link StudyCopyMergeSql}) when its events are
 * stored as Earmark writes them, else row by row ({@link StudyMergeSql}); either way the later change wins and the
 * merge and its audit entry are recorded with it.
 */
final class StudyMerge {

    /** The copy was made before the check of the file's events came back negative: roll it back. */
    private static final class NotCopyable extends RuntimeException {
        NotCopyable() {
            super("the coder file's events are not all stored as Earmark writes them", null, false, false);
        }
    }

    private StudyMerge() {
    }

    static MergeReport merge(Database db, MergeSource source, String coderFileName, Instant now, String actor) {
        if (!source.eventsRead()) {
            try {
                // Every copied event refers to its recording; when all of them are the study's, SQLite need not
                // check each row's reference (Merger has refused files with others already).
                boolean known = db.read(c -> StudySql.strings(c, "SELECT id FROM recordings"))
                        .containsAll(source.eventRecordings());
                return AttachedFile.write(db, source.file(), "coder", known, c -> {
                    sameFileAsChecked(c, source);
                    MergeReport report = StudyCopyMergeSql.merge(c, source.work(), coderFileName);
                    // The check ran alongside the copy; only now is its answer needed, before the commit.
                    if (!source.eventsCopyable()) {
                        throw new NotCopyable();
                    }
                    return record(c, source.work(), report, coderFileName, source.sha256Hex(), now, actor);
                });
            } catch (NotCopyable e) {
                // Rolled back; the row-by-row path below normalises the events or names the damage.
            } catch (ChangedMeanwhile e) {
                throw e.problem;
            } catch (RuntimeException e) {
                // Rolled back. Whatever failed (a path SQLite cannot attach, such as a Windows share; a damaged page
                // of the coder file), the row-by-row path reads the coder file on its own and names the file at
                // fault, rather than this connection's, which is the study's.
            }
        }
        CoderWork work = source.eventsRead() ? source.work() : reread(source);
        return db.write(c -> record(c, work, StudyMergeSql.merge(c, work, coderFileName), coderFileName,
                source.sha256Hex(), now, actor));
    }

    /** The file was replaced between the checks and the copy; the check results are about another file. */
    private static final class ChangedMeanwhile extends RuntimeException {
        final EarmarkException problem;

        ChangedMeanwhile(EarmarkException problem) {
            super(problem.getMessage(), null, false, false);
            this.problem = problem;
        }
    }

    /**
     * The attached file is the one Merger checked: the same coder file of the same coder, study and codebook, with
     * events on the same recordings. A sync client or a copy over it in between would otherwise put another file's
     * events under this coder's name, or references the study lacks past the switched-off foreign keys.
     */
    private static void sameFileAsChecked(Connection c, MergeSource source) throws SQLException {
        CoderWork checked = source.work();
        List<String> now = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT (SELECT value FROM coder.meta WHERE key = 'file_id'),"
                + " (SELECT value FROM coder.meta WHERE key = 'study_id'),"
                + " (SELECT value FROM coder.meta WHERE key = 'coder'),"
                + " coalesce((SELECT hash FROM coder.codebook), '')")) {
            rs.next();
            for (int column = 1; column <= 4; column++) {
                now.add(rs.getString(column));
            }
        }
        Set<String> recordings = new TreeSet<>();
        for (String id : StudySql.strings(c, "SELECT DISTINCT recording_id FROM coder.events")) {
            recordings.add(id == null ? "" : id);
        }
        if (!now.equals(java.util.Arrays.asList(checked.fileId(), checked.studyId(), checked.coder(),
                checked.codebookHash())) || !recordings.equals(source.eventRecordings())) {
            throw new ChangedMeanwhile(changed(source));
        }
    }

    /** The row-by-row path reads the file again: it must still be the file that was checked. */
    private static CoderWork reread(MergeSource source) {
        CoderWork work = CoderWorkReader.read(source.file());
        CoderWork checked = source.work();
        if (!Objects.equals(work.fileId(), checked.fileId()) || !Objects.equals(work.studyId(), checked.studyId())
                || !Objects.equals(work.coder(), checked.coder())
                || !Objects.equals(work.codebookHash(), checked.codebookHash())) {
            throw changed(source);
        }
        return work;
    }

    private static EarmarkException changed(MergeSource source) {
        return EarmarkException.badInput(source.file() + " was replaced by another file while it was being merged"
                + " (a sync program, or a copy over it?). Nothing was merged; merge it again once it is settled.");
    }

    private static MergeReport record(Connection c, CoderWork work, MergeReport report, String coderFileName,
            String coderFileSha256, Instant now, String actor) throws SQLException {
        if (report.changedNothing()) {
            // A repeated merge leaves the study as it was; only the audit log records the attempt.
            CoderFileSql.audit(c, now, actor, "merge", coderFileName + " from " + work.coder()
                    + ": nothing new (already merged)");
            return report;
        }
        StudySql.run(c, "INSERT INTO merges (at, coder, coder_file_id, coder_file_sha256, added, updated, unchanged)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", Timestamps.format(now), work.coder(), work.fileId(),
                coderFileSha256, report.added(), report.updated(), report.unchanged());
        CoderFileSql.audit(c, now, actor, "merge", coderFileName + " from " + work.coder() + ": " + report.added()
                + " new, " + report.updated() + " changed, " + report.unchanged() + " unchanged");
        return report;
    }
}
