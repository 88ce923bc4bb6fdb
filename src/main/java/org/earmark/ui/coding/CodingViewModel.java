package org.earmark.ui.coding;

import java.text.MessageFormat;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.earmark.codebook.Codebook;
import org.earmark.core.EarmarkException;
import org.earmark.core.TimeFormat;
import org.earmark.model.Event;
import org.earmark.model.Recording;
import org.earmark.model.RecordingProgress;
import org.earmark.model.RecordingStatus;
import org.earmark.session.CodingSession;
import org.earmark.session.SaveQueue;
import org.earmark.session.Step;
import org.earmark.ui.coding.codebook.CodebookViewModel;
import org.earmark.ui.coding.events.EventTableViewModel;
import org.earmark.ui.coding.ratings.RatingsViewModel;
import org.earmark.ui.coding.timeline.TimelineViewModel;
import org.earmark.ui.coding.transport.TransportViewModel;
import org.earmark.ui.common.Settings;

/**
 * The coding view's state: the recording being coded, its session, the selected event, and the
 * parts (transport, timeline, event table, codebook, ratings). Keys arrive here as {@link Action}s
 * and code presses; loading a recording is done by {@link RecordingLoader}.
 */
public final class CodingViewModel {

    static final long NUDGE_MS = 100;
    private static final Comparator<Event> BY_TIME = Comparator.comparingLong(Event::startMs)
            .thenComparing(Event::createdAt).thenComparing(Event::id);

    private final ResourceBundle text;
    private final Settings settings;
    private final Clock clock;
    private final ObservableList<Event> events = FXCollections.observableArrayList();
    private final ObjectProperty<Recording> recording = new SimpleObjectProperty<>();
    private final ObjectProperty<RecordingStatus> status = new SimpleObjectProperty<>();
    private final StringProperty notice = new SimpleStringProperty("");
    private final StringProperty hint = new SimpleStringProperty("");
    private final StringProperty undoText = new SimpleStringProperty("");
    private final StringProperty redoText = new SimpleStringProperty("");
    private final BooleanProperty canUndo = new SimpleBooleanProperty();
    private final BooleanProperty canRedo = new SimpleBooleanProperty();
    private final BooleanProperty active = new SimpleBooleanProperty();
    private final TransportViewModel transport = new TransportViewModel();
    private final Selection selection = new Selection(events, transport);
    private final ObjectProperty<UUID> selected = selection.property();
    private final TimelineViewModel timeline;
    private final EventTableViewModel table;
    private final CodebookViewModel codebook = new CodebookViewModel();
    private final RatingsViewModel ratings;
    private final RecordingLoader loader;
    private CodingSession session;
    private Consumer<RecordingProgress> onProgress = p -> { };

    public CodingViewModel(RecordingLoader.Parts parts, Settings settings, Clock clock, ResourceBundle text) {
        this.text = text;
        this.settings = settings;
        this.clock = clock;
        this.timeline = new TimelineViewModel(transport.positionProperty(), transport.playingProperty(), events,
                selected);
        this.table = new EventTableViewModel(events, text, hint::set);
        this.ratings = new RatingsViewModel(hint::set);
        this.loader = new RecordingLoader(parts, this, text);
        timeline.durationProperty().bind(transport.durationProperty());
        timeline.setActions(new TimelineViewModel.Actions() {
            @Override
            public void seek(long ms) {
                transport.seek(ms);
            }

            @Override
            public void select(UUID eventId) {
                selected.set(eventId);
            }

            @Override
            public void moveTo(UUID eventId, long startMs) {
                edit(s -> s.moveTo(eventId, startMs));
            }
        });
        settings.reactionOffsetMsProperty().addListener((obs, was, now) -> {
            if (session != null) {
                session.setReactionOffsetMs(now.longValue());
            }
        });
    }

    /** Where the main window hears of a recording's new status and event count. */
    public void setOnProgress(Consumer<RecordingProgress> onProgress) {
        this.onProgress = onProgress;
    }

    public void setOnError(BiConsumer<String, Throwable> onError) {
        loader.setOnError(onError);
    }

    /** A coder file was opened: its codebook sets the lanes and the codebook panel. */
    public void attach(SaveQueue queue, Codebook cb) {
        loader.attach(queue);
        codebook.setCodebook(cb);
        timeline.lanes().setAll(cb.codes());
    }

    /** The coder file is closing: stop playing, forget its recording. */
    public void detach() {
        unload();
        loader.attach(null);
        codebook.setCodebook(null);
        timeline.lanes().clear();
    }

    /** Opens a recording of the attached file for coding (off the FX thread; shows when ready). */
    public void open(Recording r) {
        unload();
        recording.set(r);
        loader.load(r);
    }

    /** Stops coding the current recording (its work is already queued for saving). */
    public void unload() {
        endOpenSpans();
        loader.cancel();
        transport.clear();
        timeline.reset();
        if (session != null) {
            session.setListener(new CodingSession.Listener() { });
        }
        session = null;
        table.detach();
        ratings.detach();
        events.clear();
        selected.set(null);
        recording.set(null);
        status.set(null);
        notice.set("");
        hint.set("");
        active.set(false);
        refreshHistory();
    }

    /** Called by the loader when the recording's events and player are ready. */
    void install(CodingSession s) {
        session = s;
        s.setReactionOffsetMs(settings.reactionOffsetMsProperty().get());
        events.setAll(s.events());
        status.set(s.status());
        s.setListener(new CodingSession.Listener() {
            @Override
            public void eventChanged(Event before, Event after) {
                if (before != null) {
                    events.removeIf(e -> e.id().equals(before.id()));
                }
                if (after != null) {
                    int at = 0;
                    while (at < events.size() && BY_TIME.compare(events.get(at), after) < 0) {
                        at++;
                    }
                    events.add(at, after);
                } else if (before != null && before.id().equals(selected.get())) {
                    selected.set(null);
                }
                publishProgress();
            }

            @Override
            public void ratingChanged(String scaleId, Integer value) {
                ratings.changed(scaleId, value);
            }

            @Override
            public void statusChanged(RecordingStatus now) {
                status.set(now);
                publishProgress();
            }

            @Override
            public void historyChanged() {
                refreshHistory();
            }
        });
        table.attach(s);
        ratings.attach(s);
        active.set(true);
        refreshHistory();
    }

    private void publishProgress() {
        if (session != null) {
            onProgress.accept(new RecordingProgress(session.recording(), session.status(), events.size()));
        }
    }

    private void refreshHistory() {
        canUndo.set(session != null && session.canUndo());
        canRedo.set(session != null && session.canRedo());
        undoText.set(session == null ? "" : session.nextUndo().map(this::describe).orElse(""));
        redoText.set(session == null ? "" : session.nextRedo().map(this::describe).orElse(""));
        timeline.openSpansProperty().set(session == null ? java.util.Set.of()
                : java.util.Set.copyOf(session.openSpans().values()));
    }

    String describe(Step step) {
        return StepTexts.describe(text, step, session == null ? null : session.codebook());
    }

    /** A code's hotkey: tag (or start/stop a span) at the playhead minus the reaction offset. */
    public void press(String codeId) {
        if (session == null) {
            hint.set(text.getString("hint.noRecording"));
            return;
        }
        Event tagged = session.press(codeId, transport.now());
        selected.set(tagged.id());
        hint.set(describe(session.nextUndo().orElseThrow()));
    }

    /** Shift and a code's hotkey: give the selected event that code. */
    public void recodeSelected(String codeId) {
        withSelected(id -> edit(s -> s.recode(id, codeId)));
    }

    public void perform(Action action) {
        switch (action) {
            case PLAY_PAUSE -> transport.togglePlay();
            case BACK_5 -> transport.jumpBy(-5_000);
            case FORWARD_5 -> transport.jumpBy(5_000);
            case BACK_1 -> transport.jumpBy(-1_000);
            case FORWARD_1 -> transport.jumpBy(1_000);
            case SLOWER -> transport.slower();
            case FASTER -> transport.faster();
            case ZOOM_IN -> timeline.zoomIn();
            case ZOOM_OUT -> timeline.zoomOut();
            case TO_START -> transport.toStart();
            case TO_END -> transport.toEnd();
            case PREVIOUS_EVENT -> selection.step(-1);
            case NEXT_EVENT -> selection.step(1);
            case NUDGE_EARLIER -> withSelected(id -> edit(s -> s.moveBy(id, -NUDGE_MS)));
            case NUDGE_LATER -> withSelected(id -> edit(s -> s.moveBy(id, NUDGE_MS)));
            case DELETE_EVENT -> withSelected(id -> edit(s -> s.delete(id)));
            case DESELECT -> selected.set(null);
            case UNDO -> undo();
            case REDO -> redo();
            default -> {
                // EDIT_NOTE, HELP, FOCUS_SEARCH and MOVE_FOCUS move focus or open things: the view does them.
            }
        }
    }

    public void undo() {
        if (session == null) {
            return;
        }
        hint.set(session.undo().map(s -> MessageFormat.format(text.getString("hint.undone"), describe(s)))
                .orElse(text.getString("hint.nothingToUndo")));
    }

    public void redo() {
        if (session == null) {
            return;
        }
        hint.set(session.redo().map(s -> MessageFormat.format(text.getString("hint.redone"), describe(s)))
                .orElse(text.getString("hint.nothingToRedo")));
    }

    /** Selects an event and moves the playhead to it. */
    public void selectAndSeek(UUID id) {
        selection.selectAndSeek(id);
    }

    public Optional<Event> selectedEvent() {
        return selection.event();
    }

    private void withSelected(Consumer<UUID> action) {
        if (!selection.with(action)) {
            hint.set(text.getString("hint.selectFirst"));
        }
    }

    private void edit(java.util.function.Function<CodingSession, Event> change) {
        if (session == null) {
            return;
        }
        try {
            change.apply(session);
        } catch (EarmarkException e) {
            hint.set(e.getMessage());
        }
    }

    public void markDone(boolean done) {
        if (session != null) {
            List<String> ended = done ? endOpenSpans() : List.of();
            session.markDone(done);
            if (!ended.isEmpty()) {
                hint.set(MessageFormat.format(text.getString("hint.spansEnded"), String.join(", ", ended),
                        TimeFormat.moment(transport.now())));
            }
        }
    }

    /** See {@link CodingSession#endOpenSpans}. */
    private List<String> endOpenSpans() {
        return session == null ? List.of() : session.endOpenSpans(transport.now());
    }

    /** Which code a hotkey tags, in the open file's codebook. */
    public Optional<String> codeForHotkey(org.earmark.codebook.Hotkey key) {
        return session == null ? Optional.empty() : session.codebook().codeForHotkey(key).map(c -> c.id());
    }

    void setNotice(String message) {
        notice.set(message);
    }

    public TransportViewModel transport() {
        return transport;
    }

    public TimelineViewModel timeline() {
        return timeline;
    }

    public EventTableViewModel table() {
        return table;
    }

    public CodebookViewModel codebook() {
        return codebook;
    }

    public RatingsViewModel ratings() {
        return ratings;
    }

    public ObservableList<Event> events() {
        return events;
    }

    public ObjectProperty<UUID> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<Recording> recordingProperty() {
        return recording;
    }

    public ReadOnlyObjectProperty<RecordingStatus> statusProperty() {
        return status;
    }

    /** Why the recording cannot be heard (or its waveform drawn), or empty. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice;
    }

    /** What the last key did, or why it did nothing. */
    public StringProperty hintProperty() {
        return hint;
    }

    public ReadOnlyStringProperty undoTextProperty() {
        return undoText;
    }

    public ReadOnlyStringProperty redoTextProperty() {
        return redoText;
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo;
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo;
    }

    /** Whether a recording is loaded and can be coded. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loader.loadingProperty();
    }

    Clock clock() {
        return clock;
    }
}
