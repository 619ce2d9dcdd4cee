package io.dataforge.watch.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Entry names made into safe relative paths, or the archive refused (zip slip). */
final class EntryNames {

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private EntryNames() {
    }

    /**
     * "x\\y.csv" → "x/y.csv"; absolute names and any ".." segment refuse the whole
     * archive.
     */
    static String safe(String rawName, String location) throws ArchiveRejection {
        String name = rawName == null ? "" : rawName.replace('\\', '/');
        if (name.startsWith("/") || DRIVE.matcher(name).matches()) {
            throw slip(location, rawName, "an absolute path");
        }
        List<String> segments = new ArrayList<>();
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                throw slip(location, rawName, "a '..' segment");
            }
            if (!segment.isEmpty() && !segment.equals(".")) {
                segments.add(segment);
            }
        }
        if (segments.isEmpty()) {
            throw slip(location, rawName, "no name");
        }
        return String.join("/", segments);
    }

    private static ArchiveRejection slip(String location, String rawName, String why) {
        return new ArchiveRejection("ZIP_SLIP", location + ": entry '" + rawName + "' has " + why
                + " and would be written outside the archive's folder; the whole archive is refused", null);
    }

}
