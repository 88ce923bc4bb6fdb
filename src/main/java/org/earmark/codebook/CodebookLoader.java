package org.earmark.codebook;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.earmark.core.EarmarkException;

/** Reads and validates codebook JSON, reporting every problem at once with its JSON path and line. */
public final class CodebookLoader {

    private CodebookLoader() {
    }

    /** Loads a codebook file; a {@link CodebookException} lists every problem, naming the file. */
    public static Codebook load(Path file) {
        String text = readUtf8(file);
        try {
            return parse(text);
        } catch (CodebookException e) {
            throw e.in(file.toString());
        }
    }

    /** Parses codebook JSON text; a {@link CodebookException} lists every problem found. */
    public static Codebook parse(String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        LocatedJson json = LocatedJson.parse(text);
        List<CodebookProblem> problems = new ArrayList<>();
        for (CodebookProblem dup : json.duplicateKeys()) {
            problems.add(new CodebookProblem(json.displayPath(dup.path()), dup.line(), dup.message()));
        }
        CodebookReader reader = new CodebookReader(json, problems);
        Codebook codebook = reader.read(CanonicalJson.sha256(json.root()), text);
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(CodebookProblem::line));
            throw new CodebookException(problems);
        }
        return codebook;
    }

    private static String readUtf8(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw EarmarkException.badInput("Codebook file not found: " + file);
        } catch (CharacterCodingException e) {
            throw EarmarkException.badInput("Codebook " + file + " is not UTF-8 text (is it a JSON file?)");
        } catch (IOException e) {
            throw new EarmarkException(EarmarkException.Kind.IO, "Could not read codebook " + file + ": " + e.getMessage(), e);
        }
    }
}
