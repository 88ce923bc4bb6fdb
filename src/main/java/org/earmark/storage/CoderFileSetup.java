package org.earmark.storage;

import static org.earmark.core.Preconditions.checkArgument;
import static org.earmark.core.Preconditions.checkNotBlank;
import static org.earmark.core.Preconditions.checkNotNull;

import java.util.HashSet;
import java.util.List;
import org.earmark.codebook.Codebook;
import org.earmark.model.Recording;

/**
 * What a new coder file starts with.
 *
 * @param studyId   the study's id; a coder file made outside a study gets its own
 * @param studyName shown to the coder; never the allocation
 */
public record CoderFileSetup(String studyId, String studyName, String coder, Codebook codebook,
        List<Recording> recordings) {

    public CoderFileSetup {
        checkNotBlank(studyId, "study id");
        checkNotBlank(studyName, "study name");
        checkNotBlank(coder, "coder");
        checkNotNull(codebook, "codebook");
        recordings = List.copyOf(recordings);
        var ids = new HashSet<String>();
        for (Recording r : recordings) {
            checkArgument(ids.add(r.id()), "recording id %s appears twice", r.id());
        }
    }
}
