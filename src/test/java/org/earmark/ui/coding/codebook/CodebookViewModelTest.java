package org.earmark.ui.coding.codebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.earmark.codebook.EventCode;
import org.earmark.storage.TestFiles;
import org.junit.jupiter.api.Test;

class CodebookViewModelTest {

    private List<String> search(CodebookViewModel m, String query) {
        m.searchProperty().set(query);
        return m.visibleCodes().stream().map(EventCode::id).toList();
    }

    @Test
    void searchLooksInIdsLabelsDefinitionsAndExamples() {
        CodebookViewModel m = new CodebookViewModel();
        m.setCodebook(TestFiles.CODEBOOK);
        assertEquals(List.of("OFQ", "RISK", "TASK", "REFL", "OTHQ", "CASE"), search(m, ""));
        assertEquals(List.of("RISK"), search(m, "drinking"));
        assertEquals(List.of("OFQ", "RISK", "OTHQ"), search(m, "RISK"), "also where examples name the code");
        assertEquals(List.of("REFL"), search(m, "write up"), "exclude examples count: 'Did you write up the visit?'");
        assertEquals(List.of("OFQ"), search(m, "amy plan"), "every word must be found");
        assertEquals(List.of(), search(m, "giraffe"));
    }
}
