package org.earmark.ui.newfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewFileViewModelTest {

    @Test
    void theFormIsCompleteWithAudioACodebookACoderAndAFileName() {
        NewFileViewModel m = new NewFileViewModel();
        m.coderProperty().set(" ann ");
        assertFalse(m.completeProperty().get());
        m.addAudio(List.of(Path.of("/a/one.wav"), Path.of("/a/two.mp3"), Path.of("/a/one.wav")));
        assertEquals(2, m.audio().size(), "a file chosen twice is listed once");
        m.codebookProperty().set(Path.of("/c/codebook.json"));
        assertFalse(m.completeProperty().get());
        m.setTarget(Path.of("/w/mine"));
        assertTrue(m.completeProperty().get());
        assertEquals(new NewFileViewModel.Request(List.of(Path.of("/a/one.wav"), Path.of("/a/two.mp3")),
                Path.of("/c/codebook.json"), "ann", Path.of("/w/mine.earmark")), m.request());
        m.coderProperty().set("  ");
        assertFalse(m.completeProperty().get());
    }
}
