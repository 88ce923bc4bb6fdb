package org.earmark.codebook;

/**
 * One thing wrong with a codebook file.
 *
 * @param path JSONPath-style location, e.g. {@code $.codes[2].hotkey}
 * @param line 1-based line in the file (0 when unknown)
 */
public record CodebookProblem(String path, int line, String message) {

    @Override
    public String toString() {
        return (line > 0 ? "line " + line + ", " : "") + path + ": " + message;
    }
}
