package org.earmark.ui.newfile;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The "new coder file from audio files" form: which audio, which codebook, who codes, where to save. */
public final class NewFileViewModel {

    /** What the form asks for, once it is complete. */
    public record Request(List<Path> audio, Path codebook, String coder, Path target) {
    }

    private final ObservableList<Path> audio = FXCollections.observableArrayList();
    private final ObjectProperty<Path> codebook = new SimpleObjectProperty<>();
    private final StringProperty coder = new SimpleStringProperty(System.getProperty("user.name", ""));
    private final ObjectProperty<Path> target = new SimpleObjectProperty<>();
    private final BooleanBinding complete;

    public NewFileViewModel() {
        complete = Bindings.createBooleanBinding(() -> !audio.isEmpty() && codebook.get() != null
                && coder.get() != null && !coder.get().isBlank() && target.get() != null, audio, codebook, coder,
                target);
    }

    public void addAudio(List<Path> files) {
        for (Path f : files) {
            Path p = f.toAbsolutePath().normalize();
            if (!audio.contains(p)) {
                audio.add(p);
            }
        }
    }

    /** A file name that ends in .earmark, whatever the coder typed. */
    public void setTarget(Path chosen) {
        String name = chosen.getFileName().toString();
        target.set(name.endsWith(".earmark") ? chosen : chosen.resolveSibling(name + ".earmark"));
    }

    public Request request() {
        return new Request(List.copyOf(audio), codebook.get(), coder.get().strip(), target.get());
    }

    public ObservableList<Path> audio() {
        return audio;
    }

    public ObjectProperty<Path> codebookProperty() {
        return codebook;
    }

    public StringProperty coderProperty() {
        return coder;
    }

    public ObjectProperty<Path> targetProperty() {
        return target;
    }

    public BooleanBinding completeProperty() {
        return complete;
    }
}
