package org.earmark.study;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.earmark.core.EarmarkException;

/** Unpacks a coder package into a folder of its own and says where the coder file is. */
public final class PackageOpener {

    private PackageOpener() {
    }

    /** Whether {@code file} is named like a coder package ({@code .earmark-package} or {@code .zip}). */
    public static boolean isPackage(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".earmark-package") || name.endsWith(".zip");
    }

    /**
     * Unpacks a package into a folder beside it named after it ({@code ann.earmark-package} into {@code ann/}) and
     * says where its coder file is. If that folder already holds the package's coder file, nothing is unpacked and
     * that file is returned: a package opened a second time never overwrites the coding done since.
     */
    public static Path unpackBeside(Path packageFile) {
        Path absolute = packageFile.toAbsolutePath().normalize();
        String name = absolute.getFileName().toString();
        int dot = name.toLowerCase(java.util.Locale.ROOT).endsWith(".earmark-package")
                ? name.length() - ".earmark-package".length() : name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name + "-unpacked";
        Path folder = absolute.resolveSibling(base);
        String coderFile = coderFileName(absolute);
        if (coderFile != null && Files.isRegularFile(folder.resolve(coderFile))) {
            return folder.resolve(coderFile);
        }
        return unpack(absolute, folder);
    }

    /** The name of the coder file at the top of a package, or null if it holds none or is not a zip file. */
    private static String coderFileName(Path packageFile) {
        try (InputStream raw = Files.newInputStream(packageFile); ZipInputStream zip = new ZipInputStream(raw)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String n = entry.getName();
                if (!entry.isDirectory() && !n.contains("/") && !n.contains("\\") && n.endsWith(".earmark")) {
                    return n;
                }
            }
            return null;
        } catch (IOException e) {
            return null; // unpack says what is wrong with it
        }
    }

    /** What the coder file inside a package holds, read from a temporary copy; the package is only read. */
    public static org.earmark.storage.CoderFileSummary summarise(Path packageFile) {
        String name = coderFileName(packageFile);
        if (name == null) {
            throw EarmarkException.badInput(packageFile + " is not an Earmark package: it holds no coder file"
                    + " (.earmark), or it is not a zip file.");
        }
        Path temp = null;
        try {
            temp = Files.createTempDirectory("earmark-info-");
            Path copy = temp.resolve(name);
            try (InputStream raw = Files.newInputStream(packageFile); ZipInputStream zip = new ZipInputStream(raw)) {
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    if (e.getName().equals(name)) {
                        Files.copy(zip, copy);
                        break;
                    }
                }
            }
            return org.earmark.storage.CoderWorkReader.summarise(copy);
        } catch (IOException e) {
            throw new EarmarkException(EarmarkException.Kind.IO, "Could not read " + packageFile + ": "
                    + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try (var paths = Files.walk(temp)) {
                    paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException ignored) {
                    // a temporary copy only
                }
            }
        }
    }

    /**
     * Unpacks a package into {@code into}. A package that turns out damaged or unsafe leaves nothing behind: what this
     * call made (files and folders, {@code into} itself if it made it) is removed again.
     */
    public static Path unpack(Path packageFile, Path into) {
        Path coderFile = null;
        java.util.List<Path> made = new java.util.ArrayList<>();
        boolean done = false;
        try (InputStream raw = Files.newInputStream(packageFile); ZipInputStream zip = new ZipInputStream(raw)) {
            createDirectories(into, made);
            Path root = into.toAbsolutePath().normalize();
            ZipEntry entry;
            int entries = 0;
            while ((entry = zip.getNextEntry()) != null) {
                entries++;
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root) || entry.getName().startsWith("/")) {
                    throw EarmarkException.badInput(packageFile + " is not a safe Earmark package: entry "
                            + entry.getName() + " points outside its folder.");
                }
                if (entry.isDirectory()) {
                    createDirectories(target, made);
                    continue;
                }
                if (Files.exists(target)) {
                    throw EarmarkException.badInput(target + " already exists; unpack the package into an empty folder.");
                }
                createDirectories(target.getParent(), made);
                made.add(target);
                Files.copy(zip, target);
                if (target.getParent().equals(root) && target.getFileName().toString().endsWith(".earmark")) {
                    coderFile = target;
                }
            }
            if (entries == 0) {
                throw EarmarkException.badInput(packageFile + " is not an Earmark package (not a zip file, or empty).");
            }
            if (coderFile == null) {
                throw EarmarkException.badInput(packageFile + " holds no coder file (.earmark); is it an Earmark"
                        + " package?");
            }
            done = true;
            return coderFile;
        } catch (ZipException e) {
            throw EarmarkException.badInput(packageFile + " is not an Earmark package: " + e.getMessage());
        } catch (IOException e) {
            throw new EarmarkException(EarmarkException.Kind.IO, "Could not unpack " + packageFile + ": "
                    + e.getMessage(), e);
        } finally {
            if (!done) {
                removeQuietly(made);
            }
        }
    }

    /** Creates {@code dir} and any missing parents, noting each one made so that a failed unpack can remove it. */
    private static void createDirectories(Path dir, java.util.List<Path> made) throws IOException {
        java.util.Deque<Path> missing = new java.util.ArrayDeque<>();
        for (Path p = dir.toAbsolutePath().normalize(); p != null && !Files.exists(p); p = p.getParent()) {
            missing.push(p);
        }
        for (Path p : missing) {
            Files.createDirectory(p);
            made.add(p);
        }
    }

    private static void removeQuietly(java.util.List<Path> made) {
        for (int i = made.size() - 1; i >= 0; i--) {
            try {
                Files.deleteIfExists(made.get(i));
            } catch (IOException ignored) {
                // Best effort: only what this unpack itself made is removed, never anything that was there.
            }
        }
    }
}
