package org.earmark.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
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
                    MergeReport report = StudyCopyMergeSql.merge(c, source.work(), coderFileName);
                    // The check ran alongside the copy; only now is its answer needed, before the commit.
                    if (!source.eventsCopyable()) {
                        throw new NotCopyable();
                    }
                    return record(c, source.work(), report, coderFileName, source.sha256Hex(), now, actor);
                });
            } catch (NotCopyable e) {
                // Rolled back; the row-by-row path below normalises the events or names the damage.
            } catch (RuntimeException e) {
                if (source.eventsCopyable()) {
                    throw e; // a failure of a file whose events were fine: report it as it is
                }
            }
        }
        CoderWork work = source.eventsRead() ? source.work() : CoderWorkReader.read(source.file());
        return db.write(c -> record(c, work, StudyMergeSql.merge(c, work, coderFileName), coderFileName,
                source.sha256Hex(), now, actor));
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
