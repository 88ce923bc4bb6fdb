package org.earmark.ui.newfile;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Clock;
import java.util.ResourceBundle;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.earmark.codebook.Codebook;
import org.earmark.codebook.CodebookLoader;
import org.earmark.session.SoloCoderFile;
import org.earmark.ui.common.Background;

/** Makes the coder file the form asked for, off the FX thread, and hands its path on to be opened. */
public final class NewFileCreator {

    private final Background background;
    private final SoloCoderFile.DurationProbe durations;
    private final Clock clock;
    private final ResourceBundle text;

    public NewFileCreator(Background background, SoloCoderFile.DurationProbe durations, Clock clock,
            ResourceBundle text) {
        this.background = background;
        this.durations = durations;
        this.clock = clock;
        this.text = text;
    }

    public Background.Job<Path> create(NewFileViewModel.Request request, Consumer<Path> onCreated,
            BiConsumer<String, Throwable> onError) {
        String doing = MessageFormat.format(text.getString("newfile.couldNotCreate"),
                request.target().getFileName());
        return background.job(MessageFormat.format(text.getString("newfile.creating"),
                request.target().getFileName()), progress -> {
                    Codebook codebook = CodebookLoader.load(request.codebook());
                    return SoloCoderFile.create(request.target(), request.coder(), codebook, request.audio(),
                            durations, clock, SoloCoderFile.secureRandom(), progress);
                }).onSuccess(onCreated).onFailure(e -> onError.accept(doing, e)).start();
    }
}
