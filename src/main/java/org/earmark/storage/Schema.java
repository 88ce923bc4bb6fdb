package org.earmark.storage;

import java.util.List;

/** The migrations of one kind of file, in order; the last one's version is the current schema. */
public record Schema(FileKind kind, List<Migration> migrations) {

    public Schema {
        migrations = List.copyOf(migrations);
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).version() != i + 1) {
                throw new IllegalArgumentException("migrations of " + kind + " must be numbered 1, 2, 3…; position " + i
                        + " has version " + migrations.get(i).version());
            }
        }
    }

    public int currentVersion() {
        return migrations.size();
    }
}
