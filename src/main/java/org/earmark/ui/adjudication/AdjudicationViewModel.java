package org.earmark.ui.adjudication;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.BiConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.earmark.audio.Peaks;
import org.earmark.codebook.Codebook;
import org.earmark.core.Progress;
import org.earmark.model.Event;
import org.earmark.model.NewEvent;
import org.earmark.model.StudyRecording;
import org.earmark.results.StudyData;
import org.earmark.storage.StudyFile;
import org.earmark.ui.common.Background;
import org.earmark.ui.study.shared.OpenStudy;

/**
 * State of the Adjudication tab: a double-coded recording, the two coders compared, their
 * disagreements and the lead's decisions, the waveform and the sound. Save stores the consensus
 * in the study ({@link StudyFile#saveConsensus}), where fidelity and exports then use it.
 */
public final class AdjudicationViewModel {

    /** Computes a recording's waveform; the app decodes the audio, tests give a fixed one. */
    @FunctionalInterface
    public interface PeaksLoader {
        Peaks load(Path audio, Progress progress) throws Exception;
    }

    private final OpenStudy study;
    private final Background background;
    private final ResourceBundle text;
    private final Codebook codebook;

    private final ObservableList<String> recordings = FXCollections.observableArrayList();
    private final ObjectProperty<String> recording = new SimpleObjectProperty<>();
    private final ObservableList<String> coders = FXCollections.observableArrayList();
    private final ObjectProperty<String> coderA = new SimpleObjectProperty<>();
    private final ObjectProperty<String> coderB = new SimpleObjectProperty<>();
    private final DoubleProperty tolerance = new SimpleDoubleProperty(2.0);
    private final ReadOnlyObjectWrapper<Adjudication> adjudication = new ReadOnlyObjectWrapper<>();
    private final ObservableList<ItemRow> items = FXCollections.observableArrayList();
    private final IntegerProperty current = new SimpleIntegerProperty(-1);
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyLongWrapper durationMs = new ReadOnlyLongWrapper(0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final SoundSlot soundSlot;
    private final ReadOnlyStringWrapper soundMessage;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final org.earmark.ui.common.JobSlot slot = new org.earmark.ui.common.JobSlot();
    private final DisagreementTexts texts;
    private final ObjectProperty<Background.Job<?>> job = slot.property();
    private final WaveformSlot waveform;
    private final BooleanBinding canSave;
    private Loaded loaded;
    private boolean dirty;
    private BiConsumer<String, Throwable> onError = (doing, e) -> { };
    private Runnable onSaved = () -> { };

    public AdjudicationViewModel(OpenStudy study, Background background, ResourceBundle text, PeaksLoader peaks,
            Sound.Factory sounds) {
        this.study = study;
        this.background = background;
        this.text = text;
        this.texts = new DisagreementTexts(text, study.codebook());
        this.soundSlot = new SoundSlot(sounds, text);
        this.soundMessage = soundSlot.message();
        this.waveform = new WaveformSlot(background, text, peaks);
        this.codebook = study.codebook();
        canSave = Bindings.createBooleanBinding(() -> adjudication.get() != null && adjudication.get().isComplete()
                && job.get() == null, adjudication, revision, job);
        recording.addListener((o, old, now) -> {
            if (now != null && !now.equals(old)) {
                load(now);
            }
        });
        coderA.addListener((o, old, now) -> rebuild());
        coderB.addListener((o, old, now) -> rebuild());
        tolerance.addListener((o, old, now) -> rebuild());
    }

    public void setOnError(BiConsumer<String, Throwable> onError) {
        this.onError = onError;
    }

    /** Called after a consensus has been saved. */
    public void setOnSaved(Runnable onSaved) {
        this.onSaved = onSaved;
    }

    /** Lists the double-coded recordings (the ones with two coders to compare). */
    public void refresh() {
        start(background.job(text.getString("adjudication.job.loading"),
                p -> study.call(s -> StudyData.load(s).doubleCoded())), text.getString("adjudication.error.load"),
                ids -> {
                    String chosen = recording.get();
                    recordings.setAll(ids);
                    if (chosen != null && ids.contains(chosen)) {
                        load(chosen);
                    } else if (!ids.isEmpty()) {
                        recording.set(ids.get(0));
                    } else {
                        status.set(text.getString("adjudication.none"));
                    }
                });
    }

    private void load(String id) {
        start(background.job(MessageFormat.format(text.getString("adjudication.job.reading"), id), p -> study.call(s -> {
            StudyRecording r = s.recordings().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
            StudyData data = StudyData.load(s);
            return new Loaded(r, data.codedBy(id), data.events().getOrDefault(id, Map.of()),
                    data.ratings().getOrDefault(id, Map.of()));
        })), text.getString("adjudication.error.load"), this::show);
    }

    private void show(Loaded l) {
        boolean sameRecording = loaded != null && loaded.recording().id().equals(l.recording().id());
        loaded = l;
        durationMs.set(l.recording().durationMs());
        String a = coderA.get();
        String b = coderB.get();
        coders.setAll(l.coders());
        if (!sameRecording || !l.coders().contains(a) || !l.coders().contains(b) || a.equals(b)) {
            a = l.coders().isEmpty() ? null : l.coders().get(0);
            b = l.coders().size() < 2 ? null : l.coders().get(1);
        }
        loaded = null; // no rebuild for each of the two changes
        coderA.set(a);
        coderB.set(b);
        loaded = l;
        rebuild();
        if (!sameRecording) {
            soundSlot.open(study.audio(l.recording().audioFile()));
            waveform.show(l.recording(), study.audio(l.recording().audioFile()), unavailable -> soundMessage.set(
                    unavailable + (soundMessage.get().isEmpty() ? "" : " " + soundMessage.get())));
        }
    }

    /** Compares the chosen coders again; decisions made so far are dropped. */
    private void rebuild() {
        if (loaded == null) {
            return;
        }
        String a = coderA.get();
        String b = coderB.get();
        if (a == null || b == null || a.equals(b)) {
            adjudication.set(null);
            items.clear();
            current.set(-1);
            status.set(text.getString("adjudication.chooseCoders"));
            bump();
            return;
        }
        String id = loaded.recording().id();
        Adjudication adj = Adjudication.of(codebook, id, a, loaded.events().getOrDefault(a, List.of()),
                loaded.ratings().getOrDefault(a, Map.of()), b, loaded.events().getOrDefault(b, List.of()),
                loaded.ratings().getOrDefault(b, Map.of()), Math.round(tolerance.get() * 1000));
        adjudication.set(adj);
        List<ItemRow> rows = new ArrayList<>();
        for (int i = 0; i < adj.items().size(); i++) {
            rows.add(texts.row(adj, i));
        }
        items.setAll(rows);
        dirty = false;
        current.set(rows.isEmpty() ? -1 : 0);
        int previous = loaded.events().getOrDefault(StudyFile.CONSENSUS, List.of()).size();
        boolean hadConsensus = loaded.events().containsKey(StudyFile.CONSENSUS)
                || loaded.ratings().containsKey(StudyFile.CONSENSUS);
        status.set(hadConsensus ? MessageFormat.format(text.getString("adjudication.previousConsensus"), previous)
                : "");
        bump();
    }

    private void bump() {
        Adjudication adj = adjudication.get();
        progressText.set(adj == null ? "" : MessageFormat.format(text.getString("adjudication.progress"),
                adj.settled(), adj.items().size(), adj.agreed().size()));
        revision.set(revision.get() + 1);
    }

    private void decided(int i) {
        dirty = true;
        items.set(i, texts.row(adjudication.get(), i));
        bump();
    }

    public void next() {
        if (current.get() + 1 < items.size()) {
            current.set(current.get() + 1);
        }
    }

    public void previous() {
        if (current.get() > 0) {
            current.set(current.get() - 1);
        }
    }

    /** Takes coder A's version of the current disagreement and moves to the next one still open. */
    public void acceptA() {
        choose(Adjudication.Choice.A);
    }

    public void acceptB() {
        choose(Adjudication.Choice.B);
    }

    private void choose(Adjudication.Choice choice) {
        int i = current.get();
        Adjudication adj = adjudication.get();
        if (adj == null || i < 0) {
            return;
        }
        adj.choose(i, choice);
        decided(i);
        nextOpen();
    }

    /** The lead's own version of the current event disagreement ({@code null}: no event). */
    public void edit(NewEvent event) {
        int i = current.get();
        adjudication.get().edit(i, event);
        decided(i);
        nextOpen();
    }

    /** The lead's own value of the current rating disagreement ({@code null}: no rating). */
    public void editRating(Integer value) {
        int i = current.get();
        adjudication.get().editRating(i, value);
        decided(i);
        nextOpen();
    }

    private void nextOpen() {
        adjudication.get().nextOpen(current.get()).ifPresent(current::set);
    }

    /** The disagreement selected now, or {@code null}. */
    public Adjudication.Item currentItem() {
        Adjudication adj = adjudication.get();
        int i = current.get();
        return adj == null || i < 0 || i >= adj.items().size() ? null : adj.items().get(i);
    }

    /** Plays from 2 s before the current disagreement to 2 s after it (for spans: around their starts). */
    public void playCurrent() {
        Adjudication.Item it = currentItem();
        if (it == null || it.kind() == Adjudication.Kind.RATING) {
            return;
        }
        status.set(soundSlot.playAround(it, durationMs.get()));
    }

    /** Stores the consensus of the recording; replaces an earlier one. */
    public void save() {
        Adjudication adj = adjudication.get();
        if (adj == null || !adj.isComplete()) {
            return;
        }
        List<NewEvent> events = adj.consensusEvents();
        Map<String, Integer> ratings = adj.consensusRatings();
        String note = adj.note();
        String id = adj.recordingId();
        start(background.job(MessageFormat.format(text.getString("adjudication.job.saving"), id),
                p -> study.call(s -> s.saveConsensus(id, events, ratings, note))),
                text.getString("adjudication.error.save"), saved -> {
                    dirty = false;
                    loaded = loaded.withConsensus(saved, ratings);
                    status.set(MessageFormat.format(text.getString("adjudication.saved"), id, saved.size(),
                            ratings.size()));
                    onSaved.run();
                });
    }

    /** True when decisions were made that are not saved yet. */
    public boolean hasUnsavedDecisions() {
        return dirty;
    }


    /** Frees the sound and stops the waveform work; the window is closing. */
    public void close() {
        soundSlot.close();
        waveform.cancel();
    }

    private <T> void start(Background.Job<T> newJob, String doing, java.util.function.Consumer<T> done) {
        if (!slot.start(newJob, done, e -> onError.accept(doing, e), () -> { })) {
            status.set(text.getString("adjudication.busy"));
        }
    }

    public Codebook codebook() {
        return codebook;
    }

    public ObservableList<String> recordings() {
        return recordings;
    }

    public ObjectProperty<String> recordingProperty() {
        return recording;
    }

    public ObservableList<String> coders() {
        return coders;
    }

    public ObjectProperty<String> coderAProperty() {
        return coderA;
    }

    public ObjectProperty<String> coderBProperty() {
        return coderB;
    }

    public DoubleProperty toleranceProperty() {
        return tolerance;
    }

    public ReadOnlyObjectProperty<Adjudication> adjudicationProperty() {
        return adjudication.getReadOnlyProperty();
    }

    public ObservableList<ItemRow> items() {
        return items;
    }

    public IntegerProperty currentProperty() {
        return current;
    }

    /** Goes up whenever a decision changes, so the timeline redraws. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Peaks> peaksProperty() {
        return waveform.peaksProperty();
    }

    public ReadOnlyLongProperty durationMsProperty() {
        return durationMs.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty soundMessageProperty() {
        return soundMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObjectProperty<Background.Job<?>> jobProperty() {
        return job;
    }

    public ObjectProperty<Background.Job<?>> waveformJobProperty() {
        return waveform.jobProperty();
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }
}
