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

    public static Path unpack(Path packageFile, Path into) {
        Path coderFile = null;
        try (InputStream raw = Files.newInputStream(packageFile); ZipInputStream zip = new ZipInputStream(raw)) {
            Files.createDirectories(into);
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
                    Files.createDirectories(target);
                    continue;
                }
                if (Files.exists(target)) {
                    throw EarmarkException.badInput(target + " already exists; unpack the package into an empty folder.");
                }
                Files.createDirectories(target.getParent());
                Files.copy(zip, target);
                if (target.getParent().equals(root) && target.getFileName().toString().endsWith(".earmark")) {
                    coderFile = target;
                }
            }
            if (entries == 0) {
                throw EarmarkException.badInput(packageFile + " is not an Earmark package (not a zip file, or empty).");
            }
        } catch (ZipException e) {
            throw EarmarkException.badInput(packageFile + " is not an Earmark package: " + e.getMessage());
        } catch (IOException e) {
            throw new EarmarkException(EarmarkException.Kind.IO, "Could not unpack " + packageFile + ": "
                    + e.getMessage(), e);
        }
        if (coderFile == null) {
            throw EarmarkException.badInput(packageFile + " holds no coder file (.earmark); is it an Earmark package?");
        }
        return coderFile;
    }
}
