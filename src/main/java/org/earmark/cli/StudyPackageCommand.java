package org.earmark.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.earmark.audio.WaveformDecoder;
import org.earmark.core.EarmarkException;
import org.earmark.core.Failures;
import org.earmark.core.Progress;
import org.earmark.storage.StudyFile;
import org.earmark.study.Packager;
import org.earmark.study.StudyFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code earmark study package}: one coder's package, to send to them. */
@Command(name = "package", description = "Write a coder's package: their coder file (codebook, their recordings in"
        + " their order, waveforms) and the anonymised audio, in one file the app opens.")
final class StudyPackageCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The study folder.")
    Path dir;

    @Option(names = "--coder", required = true, paramLabel = "NAME", description = "The coder, as named in"
            + " 'study assign'.")
    String coder;

    @Option(names = "--out", required = true, paramLabel = "OUT", description = "The package file to write.")
    Path out;

    @Override
    public Integer call() {
        try (StudyFile study = StudyFolder.open(dir, Clock.systemUTC())) {
            Packager.Result result = Packager.write(study, dir, coder, out, StudyPackageCommand::peaksOrNone,
                    Clock.systemUTC(), Progress.NONE);
            spec.commandLine().getOut().printf("Package for %s written to %s: %d recordings (coder file %s)%n",
                    coder, out, result.recordings(), result.coderFileId());
            if (result.carriedOver() > 0) {
                spec.commandLine().getOut().printf("  it starts with the %d events of %s already merged into the study,"
                        + " so merging this file or the earlier one will not count them twice%n", result.carriedOver(),
                        coder);
            }
        }
        return Failures.EXIT_OK;
    }

    /** A waveform that cannot be computed here (no ffmpeg for M4A) is computed on the coder's machine instead. */
    static org.earmark.audio.Peaks peaksOrNone(Path audio) {
        try {
            return WaveformDecoder.compute(audio, Progress.NONE);
        } catch (EarmarkException e) {
            return null;
        }
    }
}
