package org.earmark.ui.study;

import java.io.File;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.function.LongSupplier;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.earmark.audio.Peaks;
import org.earmark.audio.WaveformDecoder;
import org.earmark.core.EarmarkException;
import org.earmark.core.Progress;
import org.earmark.ui.adjudication.AdjudicationView;
import org.earmark.ui.adjudication.AdjudicationViewModel;
import org.earmark.ui.adjudication.FxSound;
import org.earmark.ui.adjudication.Sound;
import org.earmark.ui.common.Background;
import org.earmark.ui.common.ErrorReporter;
import org.earmark.ui.results.ResultsView;
import org.earmark.ui.results.ResultsViewModel;
import org.earmark.ui.study.shared.OpenStudy;
import org.earmark.ui.study.shared.Screen;

/**
 * Opens study folders in windows of their own. Made once in the composition root with the
 * services every study window needs, and builds each window's view models and views.
 */
public final class StudyWindows {

    private final Background background;
    private final ResourceBundle text;
    private final ErrorReporter errors;
    private final Clock clock;
    private final Function<Path, Peaks> packagePeaks;
    private final AdjudicationViewModel.PeaksLoader waveforms;
    private final Sound.Factory sounds;
    private final LongSupplier seeds;

    public StudyWindows(Background background, ResourceBundle text, ErrorReporter errors, Clock clock,
            Function<Path, Peaks> packagePeaks, AdjudicationViewModel.PeaksLoader waveforms, Sound.Factory sounds,
            LongSupplier seeds) {
        this.background = background;
        this.text = text;
        this.errors = errors;
        this.clock = clock;
        this.packagePeaks = packagePeaks;
        this.waveforms = waveforms;
        this.sounds = sounds;
        this.seeds = seeds;
    }

    /** The app's: waveforms decoded from the audio, JavaFX media for sound, random seeds to suggest. */
    public static StudyWindows standard(Background background, ResourceBundle text, ErrorReporter errors) {
        SecureRandom random = new SecureRandom();
        return new StudyWindows(background, text, errors, Clock.systemUTC(), StudyWindows::peaksOrNone,
                WaveformDecoder::compute, FxSound::open, () -> random.nextInt(1_000_000));
    }

    /** A waveform that cannot be computed here (no ffmpeg for M4A) is computed on the coder's machine instead. */
    static Peaks peaksOrNone(Path audio) {
        try {
            return WaveformDecoder.compute(audio, Progress.NONE);
        } catch (EarmarkException e) {
            return null;
        }
    }

    /** Asks for a study folder, then opens it. */
    public void chooseAndOpen(Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(text.getString("study.open.choose"));
        File dir = chooser.showDialog(owner);
        if (dir != null) {
            open(dir.toPath(), owner);
        }
    }

    /** Opens the study in a folder off the FX thread, then shows its window; a folder that is no study says so. */
    public void open(Path dir, Window owner) {
        background.job(MessageFormat.format(text.getString("study.open.opening"), dir), p -> OpenStudy.open(dir, clock))
                .onSuccess(this::show)
                .onFailure(e -> errors.show(owner, MessageFormat.format(text.getString("study.open.failed"), dir), e))
                .start();
    }

    /** Shows a window for an open study; closing the window closes the study. */
    public StudyWindow show(OpenStudy study) {
        StudyViewModel model = new StudyViewModel(study, background, text, clock, packagePeaks, ZoneId.systemDefault());
        ResultsViewModel results = new ResultsViewModel(study, background, text, clock);
        AdjudicationViewModel adjudication = new AdjudicationViewModel(study, background, text, waveforms, sounds);
        adjudication.setOnSaved(() -> {
            model.changed();
            model.refresh();
        });
        Map<String, Screen> screens = new LinkedHashMap<>();
        screens.put("results", new ResultsView(results, text, errors));
        screens.put("adjudication", new AdjudicationView(adjudication, text, errors));
        Stage stage = new Stage();
        StudyWindow window = new StudyWindow(stage, model, screens, text, errors, seeds, () -> background.job("close",
                p -> {
                    study.close();
                    return null;
                }).start());
        // Ctrl+W only: Escape is too easily pressed in a window where the lead works for an hour.
        org.earmark.ui.common.WindowKeys.closeWith(stage, false);
        stage.show();
        model.refresh();
        return window;
    }
}
