package org.earmark.session;

import static org.earmark.core.Preconditions.checkArgument;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.earmark.audio.AudioProbe;
import org.earmark.codebook.Codebook;
import org.earmark.core.Progress;
import org.earmark.model.Recording;
import org.earmark.storage.CoderFile;
import org.earmark.storage.CoderFileSetup;

/**
 * A coder file for a researcher who codes alone, without a study: the chosen audio files become
 * recordings with anonymised ids ({@code R-7Q3K}), their sha256 and duration, in shuffled order. The
 * audio stays where it is; the coder file refers to it by a path relative to itself.
 */
public final class SoloCoderFile {

    /** The length of an audio file in ms, or {@code null} when it cannot be told without decoding. */
    @FunctionalInterface
    public interface DurationProbe {
        Long durationMs(Path audio) throws Exception;

        /**
         * From the container headers, in Java (WAV, MP3, M4A): a file that is not audio Earmark can code is refused
         * with a message naming it, before any coder file is made.
         */
        DurationProbe FROM_HEADERS = audio -> AudioProbe.probe(audio).durationMs();
    }

    /** Letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L). */
    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    private SoloCoderFile() {
    }

    public static Path create(Path target, String coder, Codebook codebook, List<Path> audio, DurationProbe probe,
            Clock clock, Random random, Progress progress) throws Exception {
        checkArgument(!audio.isEmpty(), "choose at least one audio file");
        checkArgument(new HashSet<>(audio).size() == audio.size(), "an audio file was chosen twice");
        Path dir = target.toAbsolutePath().getParent();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < audio.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        Set<String> ids = new HashSet<>();
        List<Recording> recordings = new ArrayList<>();
        for (int i = 0; i < audio.size(); i++) {
            progress.checkCancelled();
            Path file = audio.get(i).toAbsolutePath().normalize();
            progress.update(i / (double) audio.size(), file.getFileName().toString());
            String sha = RecordingAudio.sha256(file, Progress.NONE);
            Long duration = probe.durationMs(file);
            String id;
            do {
                id = anonymousId(random);
            } while (!ids.add(id));
            recordings.add(new Recording(id, order.get(i), sha, duration, relative(dir, file)));
        }
        String studyId = "solo-" + UUID.randomUUID();
        CoderFileSetup setup = new CoderFileSetup(studyId, "Solo coding", coder, codebook, recordings);
        CoderFile.create(target, setup, clock).close();
        progress.update(1, null);
        return target;
    }

    /** {@code R-} and four characters from {@link #ALPHABET}. */
    public static String anonymousId(Random random) {
        StringBuilder id = new StringBuilder("R-");
        for (int i = 0; i < 4; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }

    /** A random source for ids and order that nobody can reproduce from the file names. */
    public static Random secureRandom() {
        return new SecureRandom();
    }

    private static String relative(Path dir, Path file) {
        try {
            if (dir.getRoot() != null && dir.getRoot().equals(file.getRoot())) {
                return dir.relativize(file).toString();
            }
        } catch (IllegalArgumentException e) {
            // different roots: keep the absolute path
        }
        return file.toString();
    }
}
